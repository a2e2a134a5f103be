package dev.processpool.internal.pool;

import dev.processpool.internal.codec.EncodedTask;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a call's inputs lazily, a chunk at a time, for {@code imap}: the input is read only as far as the
 * results are wanted (a bounded number of chunks ahead), so an endless input works. If reading the input
 * throws, the items read into the unfinished chunk are dropped and the error is kept to be thrown at the
 * position where that chunk would have started, as Python does.
 *
 * <p>When the pool is closed ({@link #poolClosed()}), what this call had submitted is accepted work and runs;
 * the input is read no further (it may be endless, and nobody may be reading the results), and the iterator
 * throws {@link IllegalStateException} at the position where its reading stopped. {@code poolClosed()} never
 * waits for a reader of the input: the closing thread must not hang on an input that blocks.
 */
final class ChunkFeeder {
    private final Iterator<?> inputs;
    private final EncodedTask task;
    private final int chunksize;
    private final ChunkListener listener;
    private final PoolCore core;
    private final Consumer<ChunkFeeder> onExhausted;
    private int itemsRead;
    private boolean exhausted;
    private volatile boolean poolClosed;
    private RuntimeException inputError;

    ChunkFeeder(Iterable<?> inputs, EncodedTask task, int chunksize, ChunkListener listener, PoolCore core,
            Consumer<ChunkFeeder> onExhausted) {
        this.onExhausted = onExhausted;
        this.task = task;
        this.chunksize = chunksize;
        this.listener = listener;
        this.core = core;
        Iterator<?> iterator = null;
        try {
            iterator = inputs.iterator();
        } catch (RuntimeException e) {
            inputError = e;
            markExhausted();
        }
        this.inputs = iterator;
    }

    /** The pool was closed: read no more of the input. */
    void poolClosed() {
        poolClosed = true;
    }

    /** Reads and submits the next chunk; returns its size, 0 when the input is exhausted or failed. */
    synchronized int feedOne() {
        if (exhausted) {
            return 0;
        }
        if (poolClosed) {
            stopAtClose();
            return 0;
        }
        List<Object> items = new ArrayList<>(chunksize);
        try {
            while (items.size() < chunksize && inputs.hasNext()) {
                items.add(inputs.next());
            }
        } catch (RuntimeException e) {
            inputError = e;
            markExhausted();
            return 0;
        }
        if (items.size() < chunksize) {
            markExhausted();
        }
        if (items.isEmpty()) {
            return 0;
        }
        Chunk chunk = new Chunk(task, itemsRead, items.size(), task.encodeInputs(items, "inputs of imap"), listener);
        try {
            core.submit(List.of(chunk));
        } catch (IllegalStateException closedMeanwhile) {
            stopAtClose();   // those items were read but not accepted
            return 0;
        }
        itemsRead += items.size();
        return items.size();
    }

    private void stopAtClose() {
        inputError = new IllegalStateException("pool is closed: close() was called when this imap had submitted "
                + itemsRead + " items of its input; their results came before this, and the rest of the input was"
                + " not read (close() finishes accepted work only; consume an imap before closing its pool)");
        markExhausted();
    }

    private void markExhausted() {
        exhausted = true;
        onExhausted.accept(this);
    }

    synchronized boolean exhausted() {
        return exhausted;
    }

    /** Items read and submitted so far. */
    synchronized int itemsRead() {
        return itemsRead;
    }

    /** The error reading the input threw, thrown at position {@link #itemsRead()}; null if none. */
    synchronized RuntimeException inputError() {
        return inputError;
    }
}
