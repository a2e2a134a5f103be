package dev.processpool.internal.context;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import dev.processpool.internal.launch.WorkerStarter;
import dev.processpool.internal.management.PoolIdentity;
import dev.processpool.internal.pool.WorkerPool;

/** The context of one start method: makes pools whose workers its starter starts. */
public final class StartMethodContext implements ProcessContext {
    private final String method;
    private final WorkerStarter starter;

    StartMethodContext(String method, WorkerStarter starter) {
        this.method = method;
        this.starter = starter;
    }

    /** How this context starts workers (its forkserver client, for a forkserver context). */
    public WorkerStarter starter() {
        return starter;
    }

    @Override
    public String startMethod() {
        return method;
    }

    @Override
    public Pool newPool() {
        return newPool(PoolOptions.defaults());
    }

    @Override
    public Pool newPool(PoolOptions options) {
        return newPool(options, PoolIdentity.NONE);
    }

    /** A pool registered for administrators with its application and owner. */
    public Pool newPool(PoolOptions options, PoolIdentity identity) {
        return WorkerPool.start(method, starter, options, identity);
    }

    @Override
    public String toString() {
        return "ProcessContext[" + method + "]";
    }
}
