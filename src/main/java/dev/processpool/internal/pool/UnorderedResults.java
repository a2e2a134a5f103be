package dev.processpool.internal.pool;

import java.util.ArrayDeque;
import java.util.Deque;

/** {@code imapUnordered}: results in the order their chunks arrive. */
final class UnorderedResults<R> extends LazyResults<R> {
    private final Deque<ChunkOutcome> arrived = new ArrayDeque<>();

    UnorderedResults(int itemsAhead) {
        super(itemsAhead);
    }

    @Override
    public synchronized void chunkDone(Chunk chunk, ChunkOutcome outcome) {
        arrived.add(outcome);
        notifyAll();
    }

    @Override
    synchronized ChunkOutcome take(int position) throws InterruptedException {
        while (arrived.isEmpty()) {
            wait();
        }
        return arrived.poll();
    }
}
