package dev.processpool.internal.pool;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;

/**
 * The iterator of {@code imap} and {@code imapUnordered}: reads the input a bounded number of items ahead of
 * the consumer, and waits for results as they arrive. Subclasses say which chunk's results come next.
 * A wait never outlasts its chunk: a chunk is always done, by its result, its worker's death or the pool's end.
 *
 * <p>Results are taken from the subclass a chunk at a time and yielded from there, and the feeder's counts are
 * asked only when what is known of them runs out: a consumer of tiny results then takes a lock per chunk, not
 * several per item.
 */
abstract class LazyResults<R> implements Iterator<R>, ChunkListener {
    private final int itemsAhead;
    private ChunkFeeder feeder;
    private int yielded;
    /** What the feeder said last: items read, and whether that is all. */
    private int itemsRead;
    private boolean exhausted;
    private boolean inputErrorThrown;
    private ChunkOutcome current;
    private int nextInCurrent;

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
        itemsRead = feeder.itemsRead();
        exhausted = feeder.exhausted();
    }

    @Override
    public final boolean hasNext() {
        if (yielded == itemsRead || !exhausted && itemsRead - yielded < itemsAhead) {
            feedAhead();   // also when close() has read the rest of the input meanwhile
        }
        return yielded < itemsRead || feeder.inputError() != null && !inputErrorThrown;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (yielded == itemsRead) {
            inputErrorThrown = true;
            throw feeder.inputError();
        }
        if (current == null || nextInCurrent == current.size()) {
            current = awaitChunk();
            nextInCurrent = 0;
        }
        int index = nextInCurrent++;
        yielded++;
        if (current.error(index) != null) {
            throw current.error(index);
        }
        return (R) current.result(index);
    }

    private ChunkOutcome awaitChunk() {
        try {
            return take(yielded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting for a result");
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    /**
     * Waits for and removes the chunk whose results come next.
     *
     * @param position how many results were taken before: the first index of that chunk, for {@code imap}
     */
    abstract ChunkOutcome take(int position) throws InterruptedException;
}
