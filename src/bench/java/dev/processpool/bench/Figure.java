package dev.processpool.bench;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One figure of the side-by-side benchmark: where its samples are in the JSON of either side, how to show it,
 * which way is better, and the target of issue 6 for processpool (per start method where the issue says so).
 */
enum Figure {
    FIRST_RESULT("Time to first result, 2-worker pool", "ms", 1, Direction.LOWER, "first_result_ms", null, 12.0, 54.0),
    FIRST_RESULT_COLD("First pool of a context (cold)", "ms", 1, Direction.LOWER,
            "first_result_cold_ms", null, null, null),
    CHURN("Worker churn, maxTasksPerChild=1", "ms/task", 1, Direction.LOWER, "churn_ms_per_task", null, 24.0, 63.0),
    APPLY_MEDIAN("apply round trip, median", "µs", 1, Direction.LOWER, "apply_us", "median", 50.0, 50.0),
    APPLY_P99("apply round trip, p99", "µs", 1, Direction.LOWER, "apply_us", "p99", null, null),
    MAP_1M("map of 1,000,000, default chunksize", "M items/s", 1e6, Direction.HIGHER, "map_1m_items_per_s", null,
            12.0, 12.0),
    MAP_20K_CHUNKSIZE_1("map of 20,000, chunksize 1", "k items/s", 1e3, Direction.HIGHER, "map_20k_c1_items_per_s",
            null, 120.0, 120.0),
    IMAP_UNORDERED("imapUnordered of 200,000, chunksize 1,000", "M items/s", 1e6, Direction.HIGHER,
            "imap_unordered_200k_items_per_s", null, 10.0, 10.0),
    CPU_SPEEDUP("CPU-bound speedup, 2 workers over 1", "x", 1, Direction.HIGHER, "cpu_speedup", null, 1.95, 1.95),
    /** The speedup's own time on 2 workers: a runtime that does the work faster has less to scale. */
    CPU_TWO_WORKERS("CPU-bound workload on 2 workers", "ms", 1e-3, Direction.LOWER, "cpu_2_workers_s", null,
            null, null),
    /** The same pools after 1,000 rounds: the workers' and the parent's JIT compilers no longer compete for cores. */
    CPU_SPEEDUP_WARM_JIT("CPU-bound speedup, JIT settled (1,000 rounds)", "x", 1, Direction.HIGHER,
            "cpu_speedup_warm_jit", null, null, null),
    /** No processes: the same chunks on 2 threads of one JVM, what this machine allows work of this size. */
    CPU_SPEEDUP_THREADS("The same on 2 threads of one JVM (bound)", "x", 1, Direction.HIGHER,
            "cpu_speedup_threads", null, null, null),
    IDLE_RSS("RSS of an idle worker", "MiB", 1, Direction.LOWER, "idle_rss_mib", null, 40.0, 40.0);

    enum Direction { LOWER, HIGHER }

    final String label;
    final String unit;
    /** Raw samples are divided by this to show them in {@link #unit}. */
    final double scale;
    final Direction better;
    /** The figure's key in a start method's JSON object, and the field inside it when the value is an object. */
    final String key;
    final String field;
    private final Double forkserverTarget;
    private final Double spawnTarget;

    Figure(String label, String unit, double scale, Direction better, String key, String field,
            Double forkserverTarget, Double spawnTarget) {
        this.label = label;
        this.unit = unit;
        this.scale = scale;
        this.better = better;
        this.key = key;
        this.field = field;
        this.forkserverTarget = forkserverTarget;
        this.spawnTarget = spawnTarget;
    }

    /** processpool's target for a start method, in {@link #unit}; null where issue 6 sets none. */
    Double target(String startMethod) {
        return startMethod.equals("forkserver") ? forkserverTarget : spawnTarget;
    }

    String targetText(String startMethod) {
        Double target = target(startMethod);
        return target == null ? "" : (better == Direction.LOWER ? "≤ " : "≥ ")
                + BigDecimal.valueOf(target).stripTrailingZeros().toPlainString();
    }

    boolean meets(double value, double target) {
        return better == Direction.LOWER ? value <= target : value >= target;
    }

    /** How many times better {@code value} is than {@code reference}: above 1, {@code value} leads. */
    double lead(double value, double reference) {
        return better == Direction.LOWER ? reference / value : value / reference;
    }

    String betterText() {
        return better == Direction.LOWER ? "lower is better" : "higher is better";
    }

    /** A value in {@link #unit} with as many digits as a reader needs. */
    static String format(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
