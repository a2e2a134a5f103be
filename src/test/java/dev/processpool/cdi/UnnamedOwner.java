package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** An owner of an unnamed pool, which configuration does not reach. */
@Dependent
public class UnnamedOwner {
    @Inject
    @ProcessPool(startMethod = "spawn", processes = 1)
    Pool pool;

    public int processes() {
        return pool.processes();
    }
}
