package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** An owner that looks pools up with a qualifier chosen at run time, and destroys each when done. */
@ApplicationScoped
public class PoolLookups {
    @Inject
    @Any
    Instance<Pool> pools;

    /** Squares {@code x} in a pool looked up with {@code qualifier}; returns the result and the worker's pid. */
    public long[] squareAndPid(ProcessPool qualifier, int x) {
        Pool pool = pools.select(qualifier).get();
        try {
            return new long[] {pool.apply(Tasks::square, x), pool.apply(Tasks::pid, 0), pool.processes()};
        } finally {
            pools.destroy(pool);
        }
    }

    public Instance<Pool> leakInstance() {
        return pools;
    }
}
