package dev.processpool.internal.pool;

import dev.processpool.TaskFailedException;
import dev.processpool.internal.codec.EncodedTask;
import dev.processpool.internal.codec.ItemFailure;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consecutive items of one call, sent to a worker as one task (Python's chunk). It is done exactly once: with
 * its results, or failed as a whole (its worker died, the pool was terminated).
 */
final class Chunk {
    private static final AtomicLong IDS = new AtomicLong();

    final long id = IDS.incrementAndGet();
    final EncodedTask task;
    /** Index of the chunk's first item in the call's inputs. */
    final int firstIndex;
    final int size;
    final byte[] inputs;
    private final ChunkListener listener;
    private final AtomicBoolean done = new AtomicBoolean();
    /** Where its items are counted once done; set by the pool it is submitted to, before any worker sees it. */
    ItemCounts counts;

    Chunk(EncodedTask task, int firstIndex, int size, byte[] inputs, ChunkListener listener) {
        this.task = task;
        this.firstIndex = firstIndex;
        this.size = size;
        this.inputs = inputs;
        this.listener = listener;
    }

    /** Completes with what the worker sent; {@code context} says where, for failure messages. */
    void complete(byte[] encodedResults, List<ItemFailure> failures, String context) {
        ItemErrors errors = new ItemErrors();
        for (ItemFailure failure : failures) {
            if (failure.index() < 0) {
                fail(failure.failure().toException(context));
                return;
            }
            errors.set(failure.index(), failure.failure().toException(context));
        }
        int[] unreadable = {0};
        List<Object> values;
        try {
            values = task.decodeResults(encodedResults, (error, i) -> {
                unreadable[0]++;
                errors.set(i, new TaskFailedException(error.getClass().getName(), "the result sent " + context
                        + " cannot be read back as " + task.results().declaredType().getTypeName() + ": "
                        + error.getMessage(), error));
            });
            if (values.size() != size) {
                throw new IllegalStateException(values.size() + " results for " + size + " items");
            }
        } catch (RuntimeException e) {
            fail(new TaskFailedException(e.getClass().getName(), "the results sent " + context
                    + " cannot be read: " + e.getMessage(), e));
            return;
        }
        finish(ChunkOutcome.of(values, errors.byItem), failures.size() + unreadable[0]);
    }

    /** Errors by item, made once an item fails: most chunks have none. */
    private final class ItemErrors {
        RuntimeException[] byItem;

        void set(int index, RuntimeException error) {
            if (byItem == null) {
                byItem = new RuntimeException[size];
            }
            byItem[index] = error;
        }
    }

    /** Fails every item of the chunk alike. */
    void fail(RuntimeException error) {
        finish(ChunkOutcome.failed(size, error), size);
    }

    private void finish(ChunkOutcome outcome, int failed) {
        if (done.compareAndSet(false, true)) {
            if (counts != null) {
                counts.add(size - Math.min(size, failed), Math.min(size, failed));
            }
            listener.chunkDone(this, outcome);
        }
    }
}
