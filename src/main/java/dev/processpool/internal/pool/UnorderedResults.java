package dev.processpool.internal.pool;

import java.util.ArrayDeque;
import java.util.Deque;

/** {@code imapUnordered}: results in the order their chunks arrive. */
final class UnorderedResults<R> extends LazyResults<R> {
    private final Deque<DoneChunk> arrived = new ArrayDeque<>();

    UnorderedResults(int itemsAhead) {
        super(itemsAhead);
    }

    @Override
    public synchronized void chunkDone(Chunk chunk, Object[] results, RuntimeException[] errors) {
        arrived.add(new DoneChunk(results, errors));
        notifyAll();
    }

    @Override
    synchronized DoneChunk take(int position) throws InterruptedException {
        while (arrived.isEmpty()) {
            wait();
        }
        return arrived.poll();
    }
}
