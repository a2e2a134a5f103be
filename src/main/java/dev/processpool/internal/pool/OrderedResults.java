package dev.processpool.internal.pool;

import java.util.HashMap;
import java.util.Map;

/** {@code imap}: results in input order, each as soon as it and those before it have arrived. */
final class OrderedResults<R> extends LazyResults<R> {
    private final int chunksize;
    /** Done chunks not yet consumed whole, by their first index: {results, errors}. */
    private final Map<Integer, Object[][]> done = new HashMap<>();

    OrderedResults(int chunksize, int itemsAhead) {
        super(itemsAhead);
        this.chunksize = chunksize;
    }

    @Override
    public synchronized void chunkDone(Chunk chunk, Object[] results, RuntimeException[] errors) {
        done.put(chunk.firstIndex, new Object[][] {results, errors});
        notifyAll();
    }

    @Override
    synchronized Object[] take(int position) throws InterruptedException {
        int first = position - position % chunksize;
        Object[][] chunk;
        while ((chunk = done.get(first)) == null) {
            wait();
        }
        int offset = position - first;
        if (offset == chunk[0].length - 1) {
            done.remove(first);
        }
        return new Object[] {chunk[0][offset], chunk[1][offset]};
    }
}
