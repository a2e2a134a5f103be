package dev.processpool.internal.pool;

import dev.processpool.TaskFailedException;
import dev.processpool.TaskTimeoutException;
import dev.processpool.internal.codec.EncodedTask;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consecutive items of one call, sent to a worker as one task (Python's chunk). It is done exactly once: with
 * its results, or failed as a whole (the pool was terminated, its worker died before saying anything of it).
 *
 * <p>A worker tells of items that run long before the chunk ends (PROGRESS): their predecessors' outcomes are
 * kept here. If that worker then dies, only the item it was running fails; the chunk goes on from the next item
 * ({@link #start}) on another worker, so no item runs twice.
 */
final class Chunk {
    private static final AtomicLong IDS = new AtomicLong();

    /** The worker a chunk's outcome came from, and the pool's time limit, for the exceptions of its items. */
    record Origin(long pid, Duration limit) {
        String text() {
            return "in worker pid " + pid;
        }

        RuntimeException exception(RemoteFailure failure) {
            if (TaskTimeoutException.class.getName().equals(failure.className()) && limit != null) {
                return new TaskTimeoutException(limit, pid, failure.message() + " (" + text() + ")");
            }
            return failure.toException(text());
        }
    }

    final long id = IDS.incrementAndGet();
    final EncodedTask task;
    /** Index of the chunk's first item in the call's inputs. */
    final int firstIndex;
    final int size;
    final byte[] inputs;
    private final ChunkListener listener;
    private final AtomicBoolean done = new AtomicBoolean();
    /** Its caller gave up on it (cancelled, or completed its future from outside): it is not to run any more. */
    private volatile boolean withdrawn;
    /** Where its items are counted once done; set by the pool it is submitted to, before any worker sees it. */
    ItemCounts counts;
    /**
     * The first item still to run: those before it have outcomes from a worker that died in the middle of the chunk.
     * Written by the reader of the worker holding the chunk, or under the pool's lock when it is requeued.
     */
    volatile int start;
    /** Outcomes known before the chunk's end (PROGRESS, or a death); null until there is one. */
    private Object[] earlyResults;
    private RuntimeException[] earlyErrors;
    /** Items before it have an outcome here, in this attempt or earlier ones. */
    private int knownUpTo;

    Chunk(EncodedTask task, int firstIndex, int size, byte[] inputs, ChunkListener listener) {
        this.task = task;
        this.firstIndex = firstIndex;
        this.size = size;
        this.inputs = inputs;
        this.listener = listener;
    }

    boolean withdrawn() {
        return withdrawn;
    }

    /** The caller gave up on it: its items not yet done count as cancelled; it completes no more. */
    void withdraw() {
        withdrawn = true;
        if (done.compareAndSet(false, true) && counts != null) {
            counts.cancelled(size - start);
        }
    }

    /** Index of the first item whose outcome is not known yet. */
    int knownUpTo() {
        return Math.max(knownUpTo, start);
    }

    /** The worker running it reported the outcomes of items {@code from..to-1} (absolute, within the chunk). */
    void reported(int from, int to, byte[] encodedResults, List<ItemFailure> failures, Origin origin) {
        if (from != knownUpTo() || to <= from) {
            return;
        }
        early();
        List<Object> values = task.decodeResults(encodedResults, (error, i) -> earlyErrors[from + i] =
                unreadable(error, origin));
        if (values.size() != to - from) {
            return;
        }
        for (int i = from; i < to; i++) {
            earlyResults[i] = values.get(i - from);
        }
        for (ItemFailure failure : failures) {
            earlyErrors[failure.index()] = origin.exception(failure.failure());
        }
        knownUpTo = to;
    }

    private void early() {
        if (earlyResults == null) {
            earlyResults = new Object[size];
            earlyErrors = new RuntimeException[size];
        }
    }

    /**
     * Its worker is gone in the middle of it. If the worker had said which item it was running, that item fails
     * with {@code error} and the items after it are to run elsewhere: returns true, and the caller queues the chunk
     * again. Otherwise every item without an outcome fails with {@code error}: which of them ran is unknown.
     *
     * @param running the item the worker said it was running, or -1
     */
    boolean workerLost(int running, RuntimeException error) {
        int known = knownUpTo();
        if (known == 0 && running != 0) {
            fail(error);
            return false;
        }
        early();
        if (running == known) {
            earlyErrors[running] = error;
            start = running + 1;
            knownUpTo = start;
            if (start < size) {
                return true;
            }
        } else {
            Arrays.fill(earlyErrors, known, size, error);
            start = size;
        }
        finishEarly();
        return false;
    }

    private void finishEarly() {
        int failed = 0;
        for (RuntimeException error : earlyErrors) {
            failed += error == null ? 0 : 1;
        }
        finish(ChunkOutcome.of(Arrays.asList(earlyResults), failed == 0 ? null : earlyErrors), failed);
    }

    /** Completes with what the worker sent for items {@link #start} on; {@code origin} says where. */
    void complete(byte[] encodedResults, List<ItemFailure> failures, Origin origin) {
        int first = start;
        ItemErrors errors = new ItemErrors();
        for (ItemFailure failure : failures) {
            if (failure.index() < 0) {
                if (first == 0) {
                    fail(origin.exception(failure.failure()));
                } else {
                    early();
                    Arrays.fill(earlyErrors, first, size, origin.exception(failure.failure()));
                    finishEarly();
                }
                return;
            }
            errors.set(failure.index(), origin.exception(failure.failure()));
        }
        int[] unreadable = {0};
        List<Object> values;
        try {
            values = task.decodeResults(encodedResults, (error, i) -> {
                unreadable[0]++;
                errors.set(first + i, unreadable(error, origin));
            });
            if (values.size() != size - first) {
                throw new IllegalStateException(values.size() + " results for " + (size - first) + " items");
            }
        } catch (RuntimeException e) {
            fail(new TaskFailedException(e.getClass().getName(), "the results sent " + origin.text()
                    + " cannot be read: " + e.getMessage(), e));
            return;
        }
        if (first == 0) {
            finish(ChunkOutcome.of(values, errors.byItem), failures.size() + unreadable[0]);
            return;
        }
        early();
        for (int i = first; i < size; i++) {
            earlyResults[i] = values.get(i - first);
            if (errors.byItem != null && errors.byItem[i] != null) {
                earlyErrors[i] = errors.byItem[i];
            }
        }
        finishEarly();
    }

    private RuntimeException unreadable(Exception error, Origin origin) {
        return new TaskFailedException(error.getClass().getName(), "the result sent " + origin.text()
                + " cannot be read back as " + task.results().declaredType().getTypeName() + ": "
                + error.getMessage(), error);
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
