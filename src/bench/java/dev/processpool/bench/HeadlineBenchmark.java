package dev.processpool.bench;

import static dev.processpool.bench.PoolRuns.cpuSeconds;
import static dev.processpool.bench.PoolRuns.millisSince;
import static dev.processpool.bench.PoolRuns.newPool;
import static dev.processpool.bench.PoolRuns.timeToFirstResultMillis;

import dev.processpool.demo.PrimesDemo;
import dev.processpool.Pool;
import dev.processpool.ProcessContext;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline figures (issue 19): processpool as users meet it. Every figure is taken on fresh pools, each given
 * at most one untimed call of the same kind before the timed one: pools made back to back with no pause and half
 * a second apart, the {@code apply} round trip, {@code map} and {@code imapUnordered} throughput and the CPU-bound
 * speedup on such pools, and the resident memory of their workers fresh and 2 s after that work. Beside them the
 * floor of churn and back-to-back pools: an empty JVM's start, measured in the same run. The same workloads, in
 * the same order, as {@code bench/python/bench_mp.py --headline}; written as JSON of the same shape.
 *
 * <pre>java -cp ... dev.processpool.bench.HeadlineBenchmark target/bench/headline.json [--quick]</pre>
 */
public final class HeadlineBenchmark {
    private static final int WORKERS = 2;
    private static final int FIRST_RESULT_ROUNDS = 10;
    private static final long APART_MILLIS = 500;
    private static final int FRESH_ROUNDS = 5;
    private static final int APPLY_CALLS = 1_000;
    private static final long IDLE_AFTER_WORK_MILLIS = 2_000;
    private static final long FRESH_RSS_PAUSE_MILLIS = 500;
    private static final int CPU_ROUNDS = 5;
    private static final int LONG_CPU_ROUNDS = 3;
    /** A job of about a second of CPU on one JVM worker here (the short one is 300,000 in 8 chunks). */
    static final int LONG_PRIMES_LIMIT = 6_000_000;
    static final int LONG_PRIMES_CHUNKS = 16;
    static final int LONG_PRIMES_BELOW_LIMIT = 412_849;
    /** The long job of a quick run (a check of the harness): primes below 600,000. */
    private static final int QUICK_LONG_PRIMES_LIMIT = 600_000;
    private static final int QUICK_LONG_PRIMES_BELOW_LIMIT = 49_098;
    private static final int EMPTY_JVM_ROUNDS = 10;

    private final List<String> methods = ProcessContext.allStartMethods();
    private final Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();
    private final List<Double> emptyJvmMillis = new ArrayList<>();
    private final boolean quick;

    private HeadlineBenchmark(boolean quick) {
        this.quick = quick;
        methods.forEach(method -> figures.put(method, new LinkedHashMap<>()));
    }

    public static void main(String[] args) throws Exception {
        HeadlineBenchmark benchmark = new HeadlineBenchmark(args.length > 1 && args[1].equals("--quick"));
        benchmark.run();
        benchmark.write(Path.of(args[0]));
    }

    private int rounds(int full) {
        return quick ? 1 : full;
    }

    private void run() throws Exception {
        log("headline: an empty JVM's start (the floor)");
        for (int i = 0; i < rounds(EMPTY_JVM_ROUNDS); i++) {
            emptyJvmMillis.add(EmptyJvm.startMillis());
        }
        log("headline: pools made back to back");
        for (String method : methods) {   // not interleaved: another method's pool would be a pause
            ProcessContext.of(method);
            for (int i = 0; i < rounds(FIRST_RESULT_ROUNDS); i++) {
                add(method, "first_result_b2b_ms", timeToFirstResultMillis(method, WORKERS));
            }
        }
        log("headline: pools made half a second apart");
        for (int i = 0; i < rounds(FIRST_RESULT_ROUNDS); i++) {
            for (String method : methods) {
                Thread.sleep(APART_MILLIS);
                add(method, "first_result_05_ms", timeToFirstResultMillis(method, WORKERS));
            }
        }
        log("headline: work on fresh pools");
        for (int i = 0; i < rounds(FRESH_ROUNDS); i++) {
            for (String method : methods) {
                freshPoolWork(method);
            }
        }
        log("headline: CPU-bound on fresh pools");
        List<PrimesDemo.Range> ranges = BenchTasks.primeRanges(BenchTasks.PRIMES_LIMIT, BenchTasks.PRIMES_CHUNKS);
        List<PrimesDemo.Range> longRanges = BenchTasks.primeRanges(quick ? QUICK_LONG_PRIMES_LIMIT : LONG_PRIMES_LIMIT,
                LONG_PRIMES_CHUNKS);
        int longPrimes = quick ? QUICK_LONG_PRIMES_BELOW_LIMIT : LONG_PRIMES_BELOW_LIMIT;
        for (int i = 0; i < rounds(CPU_ROUNDS); i++) {
            for (String method : methods) {
                speedupOnFreshPools(method, ranges, ranges, BenchTasks.PRIMES_BELOW_LIMIT, "cpu_fresh");
            }
        }
        for (int i = 0; i < rounds(LONG_CPU_ROUNDS); i++) {
            for (String method : methods) {
                speedupOnFreshPools(method, ranges, longRanges, longPrimes, "cpu_long");
            }
        }
    }

    /**
     * One fresh 2-worker pool: its workers' memory fresh, then each kind of call once untimed and once timed, then
     * its workers' memory after {@value #IDLE_AFTER_WORK_MILLIS} ms idle.
     */
    private void freshPoolWork(String method) throws InterruptedException {
        List<Integer> inputs1M = BenchTasks.integers(SteadyStateBenchmark.MAP_LARGE);
        List<Integer> inputs20k = BenchTasks.integers(SteadyStateBenchmark.MAP_CHUNKSIZE_1);
        List<Integer> inputs200k = BenchTasks.integers(SteadyStateBenchmark.IMAP_UNORDERED);
        try (Pool pool = newPool(method, WORKERS)) {
            List<Long> pids = pool.map(BenchTasks::workerPid, List.of(0, 1), 1).stream().distinct().toList();
            Thread.sleep(FRESH_RSS_PAUSE_MILLIS);
            pids.forEach(pid -> add(method, "rss_fresh_mib", Rss.mib(pid)));

            pool.apply(BenchTasks::identity, 0);
            List<Double> roundTrips = new ArrayList<>(APPLY_CALLS);
            for (int i = 0; i < APPLY_CALLS; i++) {
                long start = System.nanoTime();
                pool.apply(BenchTasks::identity, i);
                roundTrips.add((System.nanoTime() - start) / 1e3);
            }
            add(method, "apply_fresh_us", Summary.of(roundTrips).median());

            add(method, "map_1m_fresh_items_per_s", itemsPerSecond(inputs1M.size(),
                    () -> pool.map(BenchTasks::plusOne, inputs1M)));
            add(method, "map_20k_c1_fresh_items_per_s", itemsPerSecond(inputs20k.size(),
                    () -> pool.map(BenchTasks::plusOne, inputs20k, 1)));
            add(method, "imap_unordered_200k_fresh_items_per_s", itemsPerSecond(inputs200k.size(), () -> {
                Iterator<Integer> results = pool.imapUnordered(BenchTasks::plusOne, inputs200k,
                        SteadyStateBenchmark.IMAP_CHUNKSIZE);
                int n = 0;
                while (results.hasNext()) {
                    results.next();
                    n++;
                }
                if (n != inputs200k.size()) {
                    throw new IllegalStateException(n + " results");
                }
            }));
            Thread.sleep(IDLE_AFTER_WORK_MILLIS);
            pids.forEach(pid -> add(method, "rss_after_work_mib", Rss.mib(pid)));
        }
    }

    /** One untimed call, then one timed: items per second of the timed one. */
    private static double itemsPerSecond(int items, Runnable call) {
        call.run();
        long start = System.nanoTime();
        call.run();
        return items / (millisSince(start) / 1e3);
    }

    /**
     * Fresh pools of 1 and of 2 workers: one untimed run of the short job on each, then {@code timed} on each; the
     * speedup is the time on 1 worker over the time on 2.
     */
    private void speedupOnFreshPools(String method, List<PrimesDemo.Range> untimed, List<PrimesDemo.Range> timed,
            long expectedPrimes, String prefix) {
        try (Pool pool1 = newPool(method, 1); Pool pool2 = newPool(method, 2)) {
            cpuSeconds(pool1, untimed, BenchTasks.PRIMES_BELOW_LIMIT);
            cpuSeconds(pool2, untimed, BenchTasks.PRIMES_BELOW_LIMIT);
            double one = cpuSeconds(pool1, timed, expectedPrimes);
            double two = cpuSeconds(pool2, timed, expectedPrimes);
            add(method, prefix + "_1_worker_s", one);
            add(method, prefix + "_2_workers_s", two);
            add(method, prefix + "_speedup", one / two);
        }
    }

    private void add(String method, String figure, double sample) {
        figures.get(method).computeIfAbsent(figure, key -> new ArrayList<>()).add(sample);
    }

    private static void log(String message) {
        System.err.println(message);
    }

    /** {@code {"methods": {method: {figure: [samples]}}, "empty_jvm_ms": [samples]}}. */
    private void write(Path out) throws IOException {
        JsonObjectBuilder methodsJson = Json.createObjectBuilder();
        figures.forEach((method, values) -> {
            JsonObjectBuilder figuresJson = Json.createObjectBuilder();
            values.forEach((figure, samples) -> figuresJson.add(figure, array(samples)));
            methodsJson.add(method, figuresJson);
        });
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out)) {
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(writer)
                    .write(Json.createObjectBuilder()
                            .add("implementation", "processpool")
                            .add("version", "Java " + System.getProperty("java.version"))
                            .add("workers", WORKERS)
                            .add("empty_jvm_ms", array(emptyJvmMillis))
                            .add("methods", methodsJson)
                            .build());
        }
    }

    private static JsonArrayBuilder array(List<Double> samples) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        samples.forEach(array::add);
        return array;
    }
}
