package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** An owner that gets its pool through its constructor and uses it in its post-construct callback. */
@Dependent
public class WarmedUpOwner {
    private final Pool pool;
    private long warmWorkerPid;

    @Inject
    public WarmedUpOwner(@ProcessPool(startMethod = "spawn", processes = 1) Pool pool) {
        this.pool = pool;
    }

    @PostConstruct
    void warmUp() {
        warmWorkerPid = pool.apply(Tasks::pid, 0);
    }

    public long warmWorkerPid() {
        return warmWorkerPid;
    }

    public long workerPid() {
        return pool.apply(Tasks::pid, 0);
    }
}
