package dev.processpool.bench;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import dev.processpool.demo.PrimesDemo;
import dev.processpool.demo.PrimesDemo.Range;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;

/**
 * The figures that need whole pools, or pools side by side, measured with a plain harness (JMH's
 * iterations would hide what a pool's life costs): time to first result (the very first pool of each start
 * method apart), idle worker RSS, churn and CPU speedup. The same workloads as {@code bench/python/bench_mp.py}, written as JSON of the same shape.
 * Rounds are interleaved over the start methods, so that the machine's noise falls on all alike.
 *
 * <pre>java -cp ... dev.processpool.bench.LifecycleBenchmark target/bench/lifecycle.json [--quick]</pre>
 */
public final class LifecycleBenchmark {
    private static final int WORKERS = 2;
    private static final int RSS_ROUNDS = 3;
    private static final long IDLE_PAUSE_MILLIS = 500;
    private static final int FIRST_RESULT_ROUNDS = 15;
    /**
     * Untimed pause before each pool of the time-to-first-result rounds: a running application does not create
     * pools back to back, and a forkserver refills its reserve of started JVMs in the meantime. Both sides pause.
     */
    private static final long BETWEEN_POOLS_MILLIS = 1500;
    private static final int CHURN_TASKS = 50;
    private static final int CHURN_ROUNDS = 3;
    private static final int CPU_WARMUP = 10;
    private static final int CPU_ROUNDS = 10;
    /** Rounds after which the JIT compilers of the parent and of the workers have settled (see the report). */
    private static final int CPU_WARM_JIT_ROUNDS = 1_000;

    private final List<String> methods = ProcessContext.allStartMethods();
    private final Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
    private final boolean quick;

    private LifecycleBenchmark(boolean quick) {
        this.quick = quick;
        methods.forEach(method -> figures.put(method, new LinkedHashMap<>()));
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        LifecycleBenchmark benchmark = new LifecycleBenchmark(args.length > 1 && args[1].equals("--quick"));
        benchmark.run();
        benchmark.write(out);
    }

    private int rounds(int full) {
        return quick ? 1 : full;
    }

    private void run() throws Exception {
        log("time to first result");
        for (String method : methods) {   // the first pool of a forkserver context also starts its server
            put(method, "first_result_cold_ms", timeToFirstResultMillis(method));
        }

        log("idle worker RSS");
        for (String method : methods) {
            List<Double> rss = new ArrayList<>();
            for (int i = 0; i < rounds(RSS_ROUNDS); i++) {
                rss.add(idleWorkerRssMib(method));
            }
            put(method, "idle_rss_mib", rss);
        }

        methods.forEach(method -> put(method, "first_result_ms", new ArrayList<Double>()));
        for (int round = 0; round < rounds(FIRST_RESULT_ROUNDS); round++) {
            for (String method : methods) {
                Thread.sleep(quick ? 0 : BETWEEN_POOLS_MILLIS);
                samples(method, "first_result_ms").add(timeToFirstResultMillis(method));
            }
        }

        log("churn");
        methods.forEach(method -> put(method, "churn_ms_per_task", new ArrayList<Double>()));
        for (int round = 0; round < rounds(CHURN_ROUNDS); round++) {
            for (String method : methods) {
                samples(method, "churn_ms_per_task").add(churnMillisPerTask(method));
            }
        }

        for (String method : methods) {
            log("cpu speedup, " + method);
            cpuSpeedup(method);
        }
    }

    /** A worker of a 2-worker pool, after it has run one task and then idled for a moment. */
    private static double idleWorkerRssMib(String method) throws Exception {
        try (Pool pool = newPool(method, WORKERS)) {
            long pid = pool.apply(BenchTasks::workerPid, 0);
            Thread.sleep(IDLE_PAUSE_MILLIS);
            return Rss.mib(pid);
        }
    }

    private static double timeToFirstResultMillis(String method) {
        return PoolRuns.timeToFirstResultMillis(method, WORKERS);
    }

    /** A 1-worker pool with {@code maxTasksPerChild=1}: every task needs a new worker. */
    private double churnMillisPerTask(String method) {
        PoolOptions options = PoolOptions.builder().processes(1).maxTasksPerChild(1).build();
        try (Pool pool = ProcessContext.of(method).newPool(options)) {
            pool.apply(BenchTasks::identity, 0);
            long start = System.nanoTime();
            for (int i = 0; i < CHURN_TASKS; i++) {
                pool.apply(BenchTasks::identity, i);
            }
            return millisSince(start) / CHURN_TASKS;
        }
    }

    /**
     * Primes below 300,000 in 8 chunks on pools of 1 and of 2 workers, runs interleaved: young pools, then the same
     * pools once their JIT compilers have settled; and the same chunks on 1 and 2 threads of this JVM.
     */
    private void cpuSpeedup(String method) {
        List<Range> ranges = BenchTasks.primeRanges(BenchTasks.PRIMES_LIMIT, BenchTasks.PRIMES_CHUNKS);
        try (Pool pool1 = newPool(method, 1); Pool pool2 = newPool(method, 2)) {
            runBoth(pool1, pool2, ranges, rounds(CPU_WARMUP));   // both workers of pool2 take part: chunksize 1
            List<double[]> young = speedupRounds(pool1, pool2, ranges, rounds(CPU_ROUNDS));
            put(method, "cpu_1_worker_s", column(young, 0));
            put(method, "cpu_2_workers_s", column(young, 1));
            put(method, "cpu_speedup", column(young, 2));
            if (!quick) {
                runBoth(pool1, pool2, ranges, CPU_WARM_JIT_ROUNDS - CPU_WARMUP - CPU_ROUNDS);
            }
            put(method, "cpu_speedup_warm_jit", column(speedupRounds(pool1, pool2, ranges, rounds(CPU_ROUNDS)), 2));
        }
        put(method, "cpu_speedup_threads", threadSpeedups(ranges));
    }

    private static void runBoth(Pool pool1, Pool pool2, List<Range> ranges, int rounds) {
        for (int i = 0; i < rounds; i++) {
            cpuSeconds(pool1, ranges);
            cpuSeconds(pool2, ranges);
        }
    }

    /** Per round: seconds on 1 worker, on 2 workers, and their ratio. */
    private static List<double[]> speedupRounds(Pool pool1, Pool pool2, List<Range> ranges, int rounds) {
        List<double[]> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double one = cpuSeconds(pool1, ranges);
            double two = cpuSeconds(pool2, ranges);
            results.add(new double[] {one, two, one / two});
        }
        return results;
    }

    private static List<Double> column(List<double[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toList();
    }

    /**
     * The speedup of the same chunks on 2 threads of this JVM over 1, its JIT settled first: what this machine
     * allows a work of this size without any process boundary.
     */
    private List<Double> threadSpeedups(List<Range> ranges) {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Double> speedups = new ArrayList<>();
            for (int round = 0; round < rounds(CPU_WARM_JIT_ROUNDS); round++) {
                long start = System.nanoTime();
                ranges.forEach(PrimesDemo::countPrimes);
                double one = millisSince(start);
                start = System.nanoTime();
                List<Future<Long>> counts = threads.invokeAll(ranges.stream()
                        .map(range -> (Callable<Long>) () -> PrimesDemo.countPrimes(range)).toList());
                for (Future<Long> count : counts) {
                    count.get();
                }
                double two = millisSince(start);
                if (round >= rounds(CPU_WARM_JIT_ROUNDS) - rounds(CPU_ROUNDS)) {
                    speedups.add(one / two);
                }
            }
            return speedups;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static double cpuSeconds(Pool pool, List<Range> ranges) {
        return PoolRuns.cpuSeconds(pool, ranges, BenchTasks.PRIMES_BELOW_LIMIT);
    }

    private static Pool newPool(String method, int processes) {
        return PoolRuns.newPool(method, processes);
    }

    private static double millisSince(long startNanos) {
        return PoolRuns.millisSince(startNanos);
    }

    private void put(String method, String figure, Object value) {
        figures.get(method).put(figure, value);
    }

    @SuppressWarnings("unchecked")
    private List<Double> samples(String method, String figure) {
        return (List<Double>) figures.get(method).get(figure);
    }

    private static void log(String message) {
        System.err.println(message);
    }

    /** The same shape as the Python side's JSON: {@code {"methods": {method: {figure: number or [samples]}}}}. */
    private void write(Path out) throws IOException {
        JsonObjectBuilder methodsJson = Json.createObjectBuilder();
        figures.forEach((method, values) -> {
            JsonObjectBuilder figuresJson = Json.createObjectBuilder();
            values.forEach((figure, value) -> {
                if (value instanceof List<?> list) {
                    JsonArrayBuilder array = Json.createArrayBuilder();
                    list.forEach(sample -> array.add((Double) sample));
                    figuresJson.add(figure, array);
                } else {
                    figuresJson.add(figure, (Double) value);
                }
            });
            methodsJson.add(method, figuresJson);
        });
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out)) {
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(writer)
                    .write(Json.createObjectBuilder()
                            .add("implementation", "processpool")
                            .add("version", "Java " + System.getProperty("java.version"))
                            .add("cores", Runtime.getRuntime().availableProcessors())
                            .add("workers", WORKERS)
                            .add("methods", methodsJson)
                            .build());
        }
    }
}
