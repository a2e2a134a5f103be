package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** An owner that lives as long as one request. */
@RequestScoped
public class RequestWork {
    @Inject
    @ProcessPool(startMethod = "spawn", processes = 1)
    Pool pool;

    public long workerPid() {
        return pool.apply(Tasks::pid, 0);
    }
}
