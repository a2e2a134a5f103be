package dev.processpool.bench;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One figure of the side-by-side benchmark: its table, where its samples are in the JSON of either side, how to
 * show it, which way is better, and its target for processpool: issue 19's {@link Goal} for the headline
 * (relative to another figure of the same run), issue 6's absolute target for the settled figures (per start
 * method where the issue says so).
 */
enum Figure {
    FIRST_RESULT_B2B(Table.HEADLINE, "New 2-worker pool to first result, pools back to back", "ms", 1, Direction.LOWER,
            "first_result_b2b_ms", Goal.WITHIN_EMPTY_JVM_FORKSERVER),
    FIRST_RESULT_APART(Table.HEADLINE, "The same, pools half a second apart", "ms", 1, Direction.LOWER,
            "first_result_05_ms", Goal.LEAD_CPYTHON_FORKSERVER),
    /** Churn is a fresh figure by nature (a new worker per task); its samples come from {@code LifecycleBenchmark}. */
    CHURN(Table.HEADLINE, "Worker churn, maxTasksPerChild=1", "ms/task", 1, Direction.LOWER,
            "churn_ms_per_task", Goal.WITHIN_EMPTY_JVM),
    EMPTY_JVM(Table.HEADLINE, "An empty JVM's start, the floor of the two rows above", "ms", 1, Direction.LOWER,
            "empty_jvm_ms", Goal.NONE),
    APPLY_FRESH(Table.HEADLINE, "apply round trip, median of 1,000 (per pool)", "µs", 1, Direction.LOWER,
            "apply_fresh_us", Goal.LEAD_CPYTHON),
    MAP_1M_FRESH(Table.HEADLINE, "map of 1,000,000, default chunksize", "M items/s", 1e6, Direction.HIGHER,
            "map_1m_fresh_items_per_s", Goal.LEAD_CPYTHON),
    MAP_20K_FRESH(Table.HEADLINE, "map of 20,000, chunksize 1", "k items/s", 1e3, Direction.HIGHER,
            "map_20k_c1_fresh_items_per_s", Goal.LEAD_CPYTHON),
    IMAP_FRESH(Table.HEADLINE, "imapUnordered of 200,000, chunksize 1,000", "M items/s", 1e6, Direction.HIGHER,
            "imap_unordered_200k_fresh_items_per_s", Goal.LEAD_CPYTHON),
    CPU_TWO_WORKERS_FRESH(Table.HEADLINE, "CPU-bound job (primes < 300,000), 2 workers, wall", "ms", 1e-3,
            Direction.LOWER, "cpu_fresh_2_workers_s", Goal.LEAD_CPYTHON),
    CPU_SPEEDUP_FRESH(Table.HEADLINE, "speedup of that job, 2 workers over 1", "x", 1, Direction.HIGHER,
            "cpu_fresh_speedup", Goal.NONE),
    CPU_LONG_TWO_WORKERS(Table.HEADLINE, "CPU-bound job (primes < 6,000,000), 2 workers, wall", "s", 1,
            Direction.LOWER, "cpu_long_2_workers_s", Goal.LEAD_CPYTHON),
    CPU_LONG_SPEEDUP(Table.HEADLINE, "speedup of the long job, 2 workers over 1", "x", 1, Direction.HIGHER,
            "cpu_long_speedup", Goal.SPEEDUP_1_8),
    RSS_FRESH(Table.HEADLINE, "RSS of a fresh worker", "MiB", 1, Direction.LOWER, "rss_fresh_mib", Goal.NONE),
    RSS_AFTER_WORK(Table.HEADLINE, "RSS of a worker 2 s idle after the work above", "MiB", 1, Direction.LOWER,
            "rss_after_work_mib", Goal.WITHIN_FRESH_RSS),

    FIRST_RESULT(Table.SETTLED, "Time to first result, 2-worker pool", "ms", 1, Direction.LOWER, "first_result_ms", null, 12.0, 54.0),
    FIRST_RESULT_COLD(Table.SETTLED, "First pool of a context (cold)", "ms", 1, Direction.LOWER,
            "first_result_cold_ms", null, null, null),
    APPLY_MEDIAN(Table.SETTLED, "apply round trip, median", "µs", 1, Direction.LOWER, "apply_us", "median", 50.0, 50.0),
    APPLY_P99(Table.SETTLED, "apply round trip, p99", "µs", 1, Direction.LOWER, "apply_us", "p99", null, null),
    MAP_1M(Table.SETTLED, "map of 1,000,000, default chunksize", "M items/s", 1e6, Direction.HIGHER, "map_1m_items_per_s", null,
            12.0, 12.0),
    MAP_20K_CHUNKSIZE_1(Table.SETTLED, "map of 20,000, chunksize 1", "k items/s", 1e3, Direction.HIGHER, "map_20k_c1_items_per_s",
            null, 120.0, 120.0),
    IMAP_UNORDERED(Table.SETTLED, "imapUnordered of 200,000, chunksize 1,000", "M items/s", 1e6, Direction.HIGHER,
            "imap_unordered_200k_items_per_s", null, 10.0, 10.0),
    CPU_SPEEDUP(Table.SETTLED, "CPU-bound speedup, 2 workers over 1", "x", 1, Direction.HIGHER, "cpu_speedup", null, 1.95, 1.95),
    /** The speedup's own time on 2 workers: a runtime that does the work faster has less to scale. */
    CPU_TWO_WORKERS(Table.SETTLED, "CPU-bound workload on 2 workers", "ms", 1e-3, Direction.LOWER, "cpu_2_workers_s", null,
            null, null),
    /** The same pools after 1,000 rounds: the workers' and the parent's JIT compilers no longer compete for cores. */
    CPU_SPEEDUP_WARM_JIT(Table.SETTLED, "CPU-bound speedup, JIT settled (1,000 rounds)", "x", 1, Direction.HIGHER,
            "cpu_speedup_warm_jit", null, null, null),
    /** No processes: the same chunks on 2 threads of one JVM, what this machine allows work of this size. */
    CPU_SPEEDUP_THREADS(Table.SETTLED, "The same on 2 threads of one JVM (bound)", "x", 1, Direction.HIGHER,
            "cpu_speedup_threads", null, null, null),
    IDLE_RSS(Table.SETTLED, "RSS of an idle worker", "MiB", 1, Direction.LOWER, "idle_rss_mib", null, 40.0, 40.0);

    enum Direction { LOWER, HIGHER }

    enum Table { HEADLINE, SETTLED }

    /** Issue 19's targets for the headline, each relative to another figure of the same run. */
    enum Goal {
        NONE,
        /** Lead CPython with the same start method. */
        LEAD_CPYTHON,
        /** forkserver: no later than CPython's forkserver. */
        LEAD_CPYTHON_FORKSERVER,
        /** Within 1.5 times an empty JVM's start (the floor: a JVM cannot fork). */
        WITHIN_EMPTY_JVM,
        /** The same, for forkserver only. */
        WITHIN_EMPTY_JVM_FORKSERVER,
        /** At least 1.8 for a job of a second or more of CPU. */
        SPEEDUP_1_8,
        /** At most 1.5 times a fresh worker's. */
        WITHIN_FRESH_RSS
    }

    final Table table;
    final Goal goal;
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

    Figure(Table table, String label, String unit, double scale, Direction better, String key, Goal goal) {
        this(table, label, unit, scale, better, key, null, null, null, goal);
    }

    Figure(Table table, String label, String unit, double scale, Direction better, String key, String field,
            Double forkserverTarget, Double spawnTarget) {
        this(table, label, unit, scale, better, key, field, forkserverTarget, spawnTarget, Goal.NONE);
    }

    Figure(Table table, String label, String unit, double scale, Direction better, String key, String field,
            Double forkserverTarget, Double spawnTarget, Goal goal) {
        this.table = table;
        this.goal = goal;
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
