package dev.processpool.internal.management;

/**
 * A pool's MXBean: its registered name and the figures of its engine. Refers to the engine only, never to the
 * {@code Pool} the application holds, so that a pool dropped unclosed can still be garbage-collected.
 */
final class PoolManagement implements PoolMXBean {
    private final String name;
    private final PoolIdentity identity;
    private final PoolControl pool;

    PoolManagement(String name, PoolIdentity identity, PoolControl pool) {
        this.name = name;
        this.identity = identity;
        this.pool = pool;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getStartMethod() {
        return pool.startMethod();
    }

    @Override
    public int getProcesses() {
        return pool.processes();
    }

    @Override
    public int getMaxTasksPerChild() {
        return pool.maxTasksPerChild();
    }

    @Override
    public int getWorkersAlive() {
        return pool.workersAlive();
    }

    @Override
    public java.util.List<WorkerFigures> getWorkers() {
        return pool.workers();
    }

    @Override
    public long getTasksSubmitted() {
        return pool.tasksSubmitted();
    }

    @Override
    public long getTasksCompleted() {
        return pool.tasksCompleted();
    }

    @Override
    public long getTasksFailed() {
        return pool.tasksFailed();
    }

    @Override
    public long getWorkerRestarts() {
        return pool.workerRestarts();
    }

    @Override
    public long getTasksTimedOut() {
        return pool.tasksTimedOut();
    }

    @Override
    public long getTasksCancelled() {
        return pool.tasksCancelled();
    }

    @Override
    public long getWorkersRecycledForMemory() {
        return pool.workersRecycledForMemory();
    }

    @Override
    public long getLongestRunningTaskMillis() {
        return pool.longestRunningTaskMillis();
    }

    @Override
    public int getQueueDepth() {
        return pool.queueDepth();
    }

    @Override
    public String getState() {
        return pool.stateName();
    }

    @Override
    public String getBrokenReason() {
        return pool.brokenReason();
    }

    @Override
    public String getOwner() {
        return identity.owner();
    }

    @Override
    public String getApplication() {
        return identity.application();
    }

    @Override
    public void restart() {
        pool.restart();
    }

    @Override
    public void resize(int processes) {
        pool.resize(processes);
    }

    @Override
    public void recycleWorkers() {
        pool.recycleWorkers();
    }
}
