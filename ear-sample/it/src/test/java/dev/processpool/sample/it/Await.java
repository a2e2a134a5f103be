package dev.processpool.sample.it;

import java.time.Duration;

/** Waiting for a condition on the server, asked again every 50 ms, with a timeout that fails the test. */
final class Await {
    private static final long INTERVAL_MILLIS = 50;

    private Await() {
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    interface State {
        String describe() throws Exception;
    }

    /** Returns once {@code condition} holds; fails with {@code state} as it is then, after {@code timeout}. */
    static void until(Duration timeout, Condition condition, State state) throws Exception {
        until(timeout, Duration.ofMillis(INTERVAL_MILLIS), condition, state);
    }

    /** As {@link #until(Duration, Condition, State)}, asking every {@code interval}: for a costly question. */
    static void until(Duration timeout, Duration interval, Condition condition, State state) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + state.describe());
            }
            Thread.sleep(interval.toMillis());   // the interval of asking, not a synchronisation
        }
    }

    /**
     * Watches {@code condition} for {@code window}: a condition that must keep holding (no process appears) can be
     * checked only over a time. Fails at the first time it does not hold.
     */
    static void holdsFor(Duration window, Condition condition, State state) throws Exception {
        long end = System.nanoTime() + window.toNanos();
        do {
            if (!condition.holds()) {
                throw new AssertionError("stopped holding within " + window + ": " + state.describe());
            }
            Thread.sleep(INTERVAL_MILLIS);
        } while (System.nanoTime() < end);
    }
}
