package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An owner of a pool without a name: the pool is named after it. */
@ApplicationScoped
public class ReportService {
    @Inject
    @ProcessPool(startMethod = "spawn", processes = 1)
    Pool pool;

    public int processes() {
        return pool.processes();
    }
}
