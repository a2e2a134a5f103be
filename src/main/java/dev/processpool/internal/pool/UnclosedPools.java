package dev.processpool.internal.pool;

import dev.processpool.internal.threads.Daemons;
import dev.processpool.internal.threads.Timers;
import java.lang.ref.Cleaner;
import java.util.concurrent.TimeUnit;

/**
 * Stops pools dropped unclosed, through a {@link Cleaner} that exists only while some pool is open: a few seconds
 * after the last one is closed the cleaner is dropped and its thread ends once it is collected, so an undeployed
 * application leaves no cleaner thread (a static one lived forever, one per deployment, each keeping its
 * deployment's classes). The grace keeps one cleaner, and one thread, across pools made one after another.
 */
final class UnclosedPools {
    private static final long DROP_AFTER_SECONDS = 2;
    private static Cleaner cleaner;
    private static int open;
    /** Counts the times the last pool closed, so that a drop scheduled before a newer pool opened is moot. */
    private static long lastCloses;

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
            long closes = ++lastCloses;
            Timers.after(DROP_AFTER_SECONDS, TimeUnit.SECONDS, () -> dropIfUnused(closes));
        }
    }

    private static synchronized void dropIfUnused(long closes) {
        if (open == 0 && closes == lastCloses) {
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
