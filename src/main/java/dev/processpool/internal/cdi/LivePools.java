package dev.processpool.internal.cdi;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pools one container made and has not stopped yet. Their owners' destruction stops them one by one; whatever
 * is left when the container shuts down (an owner whose destruction never came) is stopped then.
 */
final class LivePools {
    private final Set<ManagedPool> pools = ConcurrentHashMap.newKeySet();

    void add(ManagedPool pool) {
        pools.add(pool);
    }

    /** Stops {@code pool}, once. */
    void stop(ManagedPool pool) {
        if (pools.remove(pool)) {
            pool.stop();
        }
    }

    void stopAll() {
        for (ManagedPool pool : new ArrayList<>(pools)) {
            stop(pool);
        }
    }
}
