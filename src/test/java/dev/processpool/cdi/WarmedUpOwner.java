package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/** An owner that gets its pool through its constructor and uses it in its life-cycle callbacks. */
@Dependent
public class WarmedUpOwner {
    private final Pool pool;
    private long warmWorkerPid;

    @Inject
    public WarmedUpOwner(@ProcessPool(startMethod = "spawn", processes = 1) Pool pool) {
        this.pool = pool;
    }

    /** The worker pid the last destroyed instance saw in its {@code @PreDestroy} callback. */
    static final AtomicLong lastPreDestroyWorkerPid = new AtomicLong();

    @PreDestroy
    void lastTask() {
        lastPreDestroyWorkerPid.set(pool.apply(Tasks::pid, 0));
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
