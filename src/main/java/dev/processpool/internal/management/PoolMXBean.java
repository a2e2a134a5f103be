package dev.processpool.internal.management;

/**
 * What administrators see of a pool over JMX, as {@code dev.processpool:type=Pool,application=<app>,name=<name>}
 * ({@code dev.processpool:type=Pool,name=<name>} where the application is not known). Attributes are
 * read-only figures; the operations change the pool live. Tasks are items: a map of 1000 items submits 1000.
 * Described in docs/management.md.
 */
public interface PoolMXBean {
    /** The pool's name: its {@code PoolOptions.name()}, else {@code pool-<n>}; {@code -2}, ... if taken. */
    String getName();

    String getStartMethod();

    /** The number of workers the pool keeps: as configured, or as last {@link #resize resized}. */
    int getProcesses();

    /** Chunks a worker runs before it is replaced; 0 for no limit. */
    int getMaxTasksPerChild();

    /** Worker processes connected now, including those finishing their last chunk before they leave. */
    int getWorkersAlive();

    /** The connected worker processes, by pid: pid, residentBytes, ageMillis, tasksRun (composite data). */
    java.util.List<WorkerFigures> getWorkers();

    long getTasksSubmitted();

    /** Items that returned a result. */
    long getTasksCompleted();

    /** Items that threw, whose worker died, or that the pool stopped (terminated, broken) before they ran. */
    long getTasksFailed();

    /** Workers started to replace one that exited: after maxTasksPerChild, a death, a failed start, a recycle. */
    long getWorkerRestarts();

    /** Items accepted but not yet handed to a worker. */
    int getQueueDepth();

    /** Items that ran past the pool's task timeout (each failed with TaskTimeoutException). */
    long getTasksTimedOut();

    /** Items whose caller gave up on them (cancel, or a future completed from outside) before they were done. */
    long getTasksCancelled();

    /** Workers replaced because their resident memory was above maxMemoryPerChild after a chunk. */
    long getWorkersRecycledForMemory();

    /**
     * Age in milliseconds of the oldest item running now, 0 if none: a hung task at a glance. Items are known once
     * they have run about half a second; shorter ones show as 0.
     */
    long getLongestRunningTaskMillis();

    /** RUNNING, CLOSING, CLOSED, TERMINATED or BROKEN. */
    String getState();

    /** Why the pool broke; empty unless its state is BROKEN. */
    String getBrokenReason();

    /** The injection point that owns the pool, as {@code ReportService.pool}; empty for a pool made in code. */
    String getOwner();

    /** The application (deployment) the pool belongs to, where the container knows it; else empty. */
    String getApplication();

    /**
     * Changes the number of workers now: new ones start at once; surplus ones take no more work and leave once
     * the chunks they hold are done.
     *
     * @throws IllegalArgumentException if {@code processes} is below 1 or above the ceiling
     *         ({@code processpool.maxProcesses})
     * @throws IllegalStateException if the pool is not running
     */
    void resize(int processes);

    /** Replaces every current worker by a fresh one once it has finished the chunks it holds; returns at once. */
    void recycleWorkers();

    /**
     * Starts a BROKEN pool again with fresh workers; it accepts tasks at once.
     *
     * @throws IllegalStateException if the pool is not broken
     */
    void restart();
}
