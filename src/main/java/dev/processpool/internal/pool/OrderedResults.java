package dev.processpool.internal.pool;

import java.util.HashMap;
import java.util.Map;

/** {@code imap}: results in input order, each as soon as it and those before it have arrived. */
final class OrderedResults<R> extends LazyResults<R> {
    /** Done chunks not yet taken, by their first index. */
    private final Map<Integer, ChunkOutcome> done = new HashMap<>();

    OrderedResults(int itemsAhead) {
        super(itemsAhead);
    }

    @Override
    public synchronized void chunkDone(Chunk chunk, ChunkOutcome outcome) {
        done.put(chunk.firstIndex, outcome);
        notifyAll();
    }

    /** Chunks are taken whole and in order, so {@code position} is where the next one starts. */
    @Override
    synchronized ChunkOutcome take(int position) throws InterruptedException {
        ChunkOutcome chunk;
        while ((chunk = done.remove(position)) == null) {
            wait();
        }
        return chunk;
    }
}
