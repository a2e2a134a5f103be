package dev.processpool.bench;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-pool figures of the start methods, measured side by side in one run, rounds interleaved so that
 * the machine's noise falls on both alike:
 * <ul>
 *   <li>time to first result: create a 2-worker pool and get the result of one tiny task;</li>
 *   <li>churn: ms per task of a 1-worker pool with {@code maxTasksPerChild=1} (a new worker per task).</li>
 * </ul>
 * Run with {@code mvn -q -Pbench test-compile exec:exec}; arguments: rounds (default 15), churn tasks (50).
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    static int identity(int x) {
        return x;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int churnTasks = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<String> methods = ProcessContext.allStartMethods();
        Map<String, Double> cold = new LinkedHashMap<>();
        Map<String, List<Double>> firstResult = new LinkedHashMap<>();
        Map<String, List<Double>> churn = new LinkedHashMap<>();
        for (String method : methods) {
            cold.put(method, timeToFirstResult(method));   // a forkserver context starts its server here
            firstResult.put(method, new ArrayList<>());
            churn.put(method, new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (String method : methods) {
                firstResult.get(method).add(timeToFirstResult(method));
            }
        }
        for (int round = 0; round < 3; round++) {
            for (String method : methods) {
                churn.get(method).add(churnPerTask(method, churnTasks));
            }
        }
        System.out.printf("%-11s %22s %22s %22s%n", "method", "first pool (cold), ms", "time to first result, ms",
                "churn, ms per task");
        for (String method : methods) {
            System.out.printf("%-11s %22.1f %22s %22s%n", method, cold.get(method), summary(firstResult.get(method)),
                    summary(churn.get(method)));
        }
        System.out.println("median [min-max]; " + rounds + " rounds of time to first result, 3 rounds of "
                + churnTasks + " churn tasks; " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
    }

    private static double timeToFirstResult(String method) {
        long start = System.nanoTime();
        Pool pool = ProcessContext.of(method).newPool(PoolOptions.builder().processes(2).build());
        try {
            pool.apply(StartupBenchmark::identity, 1);
            return (System.nanoTime() - start) / 1e6;
        } finally {
            pool.close();
        }
    }

    private static double churnPerTask(String method, int tasks) {
        try (Pool pool = ProcessContext.of(method).newPool(PoolOptions.builder().processes(1).maxTasksPerChild(1).build())) {
            pool.apply(StartupBenchmark::identity, 0);
            long start = System.nanoTime();
            for (int i = 0; i < tasks; i++) {
                pool.apply(StartupBenchmark::identity, i);
            }
            return (System.nanoTime() - start) / 1e6 / tasks;
        }
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format("%.1f [%.1f-%.1f]", median, sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
