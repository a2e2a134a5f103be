package dev.processpool.bench;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of a running 2-worker pool: the {@code apply} round trip and the throughput of {@code map}
 * and {@code imapUnordered} on tiny tasks. Each start method gets a JVM of its own (one fork per benchmark
 * and start method); its pool starts before the warm-up, so no figure here includes starting workers.
 *
 * <p>Throughput figures are single shots (one call of {@code map} over all inputs per iteration), so that the
 * report can take the median over iterations, as the Python side does; items per second = inputs / time.
 * Their warm-up is long on purpose: the parent's and both workers' JIT compilers must have compiled the codec
 * and the channel (the first {@code map} of 1,000,000 on a fresh pool is about ten times slower than the tenth).
 */
@State(Scope.Benchmark)
@Fork(1)
public class SteadyStateBenchmark {
    static final int MAP_LARGE = 1_000_000;
    static final int MAP_CHUNKSIZE_1 = 20_000;
    static final int IMAP_UNORDERED = 200_000;
    static final int IMAP_CHUNKSIZE = 1_000;

    @Param({"forkserver", "spawn"})
    public String startMethod;

    private Pool pool;
    private List<Integer> inputsLarge;
    private List<Integer> inputsChunksize1;
    private List<Integer> inputsImap;

    @Setup
    public void startPool() {
        pool = ProcessContext.of(startMethod).newPool(PoolOptions.builder().processes(2).build());
        pool.map(BenchTasks::plusOne, List.of(0, 1), 1);
        inputsLarge = BenchTasks.integers(MAP_LARGE);
        inputsChunksize1 = BenchTasks.integers(MAP_CHUNKSIZE_1);
        inputsImap = BenchTasks.integers(IMAP_UNORDERED);
    }

    @TearDown
    public void closePool() {
        pool.close();
    }

    /** Round trip of one tiny task; the report takes the median and p99 of the samples. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 1, time = 1)
    public int applyRoundTrip() {
        return pool.apply(BenchTasks::identity, 1);
    }

    /** {@code map} of 1,000,000 tiny tasks with the default chunksize (125,000 on 2 workers). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10)
    @Measurement(iterations = 8)
    public List<Integer> map1M() {
        return pool.map(BenchTasks::plusOne, inputsLarge);
    }

    /** {@code map} of 20,000 tiny tasks, one per chunk. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10)
    @Measurement(iterations = 8)
    public List<Integer> map20kChunksize1() {
        return pool.map(BenchTasks::plusOne, inputsChunksize1, 1);
    }

    /** {@code imapUnordered} of 200,000 tiny tasks in chunks of 1,000, every result consumed. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 20)
    @Measurement(iterations = 8)
    public void imapUnordered200k(Blackhole blackhole) {
        Iterator<Integer> results = pool.imapUnordered(BenchTasks::plusOne, inputsImap, IMAP_CHUNKSIZE);
        while (results.hasNext()) {
            blackhole.consume(results.next());
        }
    }
}
