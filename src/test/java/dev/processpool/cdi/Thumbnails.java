package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An owner of a named pool, as an administrator would see it in JMX. */
@ApplicationScoped
public class Thumbnails {
    @Inject
    @ProcessPool(name = "thumbnails", startMethod = "spawn", processes = 1)
    Pool pool;

    public long workerPid() {
        return pool.apply(Tasks::pid, 0);
    }
}
