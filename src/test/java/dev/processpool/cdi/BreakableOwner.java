package dev.processpool.cdi;

import dev.processpool.BreakSwitch;
import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A container-owned pool that breaks while the {@link BreakSwitch} is on. */
@ApplicationScoped
public class BreakableOwner {
    @Inject
    @ProcessPool(name = "breakable", startMethod = "spawn", processes = 1, initializer = BreakSwitch.class)
    Pool pool;

    public int square(int x) {
        return pool.apply(Tasks::square, x);
    }

    public void touch() {
        // creates the instance, and so its pool
    }
}
