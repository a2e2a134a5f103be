package dev.processpool.internal.pool;

import java.util.ArrayDeque;
import java.util.Deque;

/** {@code imapUnordered}: results in the order they arrive. */
final class UnorderedResults<R> extends LazyResults<R> {
    private final Deque<Object[]> arrived = new ArrayDeque<>();

    UnorderedResults(int itemsAhead) {
        super(itemsAhead);
    }

    @Override
    public synchronized void chunkDone(Chunk chunk, Object[] results, RuntimeException[] errors) {
        for (int i = 0; i < results.length; i++) {
            arrived.add(new Object[] {results[i], errors[i]});
        }
        notifyAll();
    }

    @Override
    synchronized Object[] take(int position) throws InterruptedException {
        while (arrived.isEmpty()) {
            wait();
        }
        return arrived.poll();
    }
}
