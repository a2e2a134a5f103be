package dev.processpool.internal.management;

/** The figures and operations a pool engine offers to {@link PoolManagement}; see {@link PoolMXBean}. */
public interface PoolControl {
    String startMethod();

    int processes();

    int maxTasksPerChild();

    int workersAlive();

    /** The connected workers, by pid. */
    java.util.List<WorkerFigures> workers();

    long tasksSubmitted();

    long tasksCompleted();

    long tasksFailed();

    long workerRestarts();

    int queueDepth();

    long tasksTimedOut();

    long tasksCancelled();

    long workersRecycledForMemory();

    long longestRunningTaskMillis();

    String stateName();

    void resize(int processes);

    void recycleWorkers();

    /** Why the pool is broken; empty unless it is. */
    String brokenReason();

    /** A broken pool starts again with fresh workers; refused otherwise. */
    void restart();
}
