package dev.processpool.internal.cdi;

import jakarta.enterprise.inject.spi.Bean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Owners of pools made while their bean instance is being constructed. The container injects a new instance on the
 * thread that creates it and then calls its post-construct callbacks there, so the owner's
 * {@link OwnerInterceptor} claims the pools its bean got on this thread.
 */
final class UnclaimedPools {
    private static final ThreadLocal<List<PoolOwner>> WAITING = new ThreadLocal<>();

    private UnclaimedPools() {
    }

    static void await(PoolOwner owner) {
        List<PoolOwner> waiting = WAITING.get();
        if (waiting == null) {
            waiting = new ArrayList<>(2);
            WAITING.set(waiting);
        }
        waiting.add(owner);
    }

    /** Binds to {@code instance} every owner waiting on this thread for an instance of {@code bean}. */
    static void claim(Bean<?> bean, Object instance) {
        List<PoolOwner> waiting = WAITING.get();
        if (waiting == null) {
            return;
        }
        for (Iterator<PoolOwner> it = waiting.iterator(); it.hasNext(); ) {
            PoolOwner owner = it.next();
            if (owner.bean().equals(bean)) {
                owner.bind(instance);
                it.remove();
            }
        }
        if (waiting.isEmpty()) {
            WAITING.remove();
        }
    }
}
