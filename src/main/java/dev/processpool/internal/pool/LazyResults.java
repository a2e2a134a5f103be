package dev.processpool.internal.pool;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;

/**
 * The iterator of {@code imap} and {@code imapUnordered}: reads the input a bounded number of items ahead of
 * the consumer, and waits for results as they arrive. Subclasses say which result comes next.
 * A wait never outlasts its chunk: a chunk is always done, by its result, its worker's death or the pool's end.
 */
abstract class LazyResults<R> implements Iterator<R>, ChunkListener {
    private final int itemsAhead;
    private ChunkFeeder feeder;
    private int yielded;
    private boolean inputErrorThrown;

    LazyResults(int itemsAhead) {
        this.itemsAhead = itemsAhead;
    }

    /** Binds the feeder and reads the first chunks, so that bad input is refused by the call itself. */
    final void start(ChunkFeeder chunkFeeder) {
        this.feeder = chunkFeeder;
        feedAhead();
    }

    private void feedAhead() {
        while (!feeder.exhausted() && feeder.itemsRead() - yielded < itemsAhead) {
            feeder.feedOne();
        }
    }

    @Override
    public final boolean hasNext() {
        feedAhead();
        return yielded < feeder.itemsRead() || feeder.inputError() != null && !inputErrorThrown;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (yielded == feeder.itemsRead()) {
            inputErrorThrown = true;
            throw feeder.inputError();
        }
        Object[] outcome;
        try {
            outcome = take(yielded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting for a result");
            cancelled.initCause(e);
            throw cancelled;
        }
        yielded++;
        if (outcome[1] != null) {
            throw (RuntimeException) outcome[1];
        }
        return (R) outcome[0];
    }

    /**
     * Waits for and removes the next result: {@code {value, error}}.
     *
     * @param position how many results were taken before
     */
    abstract Object[] take(int position) throws InterruptedException;
}
