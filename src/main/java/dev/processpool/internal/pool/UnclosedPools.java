package dev.processpool.internal.pool;

import dev.processpool.internal.threads.Daemons;
import java.lang.ref.Cleaner;

/**
 * Stops pools dropped unclosed, through a {@link Cleaner} that exists only while some pool is open: once the last
 * one is closed the cleaner is dropped and its thread ends, so an undeployed application leaves no cleaner thread
 * (a static one lived forever, one per deployment, each keeping its deployment's classes).
 */
final class UnclosedPools {
    private static Cleaner cleaner;
    private static int open;

    private UnclosedPools() {
    }

    /** Runs {@code action} once: when {@code pool} is garbage-collected, or when the result is cleaned. */
    static synchronized Cleaner.Cleanable register(Object pool, Runnable action) {
        if (cleaner == null) {
            cleaner = Cleaner.create(Daemons.factory("processpool-cleaner"));
        }
        open++;
        return cleaner.register(pool, new Once(action));
    }

    private static synchronized void closed() {
        if (--open == 0) {
            cleaner = null;   // its thread ends once the cleaner is collected
        }
    }

    /** The action, then the count; refers to no pool. */
    private record Once(Runnable action) implements Runnable {
        @Override
        public void run() {
            try {
                action.run();
            } finally {
                closed();
            }
        }
    }
}
