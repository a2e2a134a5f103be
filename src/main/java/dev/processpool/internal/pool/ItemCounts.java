package dev.processpool.internal.pool;

import java.util.concurrent.atomic.LongAdder;

/**
 * A pool's items done, counted as each chunk is done: one add per chunk, on whichever thread completes it, so
 * adders rather than the pool's lock.
 */
final class ItemCounts {
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();

    void add(int completedItems, int failedItems) {
        if (completedItems > 0) {
            completed.add(completedItems);
        }
        if (failedItems > 0) {
            failed.add(failedItems);
        }
    }

    /** Items whose caller gave up on them before they were done. */
    void cancelled(int items) {
        if (items > 0) {
            cancelled.add(items);
        }
    }

    long cancelled() {
        return cancelled.sum();
    }

    long completed() {
        return completed.sum();
    }

    long failed() {
        return failed.sum();
    }
}
