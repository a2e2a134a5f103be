package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An owner whose pool leaves the start method to the default. */
@ApplicationScoped
public class DefaultOwner {
    @Inject
    @ProcessPool(processes = 1)
    Pool pool;

    public String startMethod() {
        return pool.startMethod();
    }

    public int square(int x) {
        return pool.apply(Tasks::square, x);
    }
}
