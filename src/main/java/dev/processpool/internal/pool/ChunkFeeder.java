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
 * position where that chunk would have started, as Python does. When the pool is closed, the rest of the input
 * is read and submitted at once ({@link #feedAll()}): a call accepted before {@code close()} runs in full.
 * Reading may happen on the consumer's thread and the closing thread: it is synchronized.
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

    /** Reads and submits the rest of the input. */
    synchronized void feedAll() {
        while (!exhausted) {
            feedOne();
        }
    }

    /** Reads and submits the next chunk; returns its size, 0 when the input is exhausted or failed. */
    synchronized int feedOne() {
        if (exhausted) {
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
        core.submit(List.of(chunk));
        itemsRead += items.size();
        return items.size();
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
