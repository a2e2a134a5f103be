package dev.processpool.internal.worker;

import dev.processpool.TaskTimeoutException;
import dev.processpool.internal.channel.WorkerFrames;
import dev.processpool.internal.codec.DecodedTask;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.threads.Daemons;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the item the worker's main thread is running, from a thread of its own, and tells the parent about items
 * that run long (PROGRESS): the outcomes of the chunk's items finished so far, and which item runs. So when this
 * worker dies or is stopped in the middle of a chunk, the parent keeps those outcomes, fails only the running
 * item and sends the items not started elsewhere. An item that has run past the pool's time limit is interrupted
 * (the parent stops the worker if it has not returned within a grace); a cancelled chunk's item too.
 *
 * <p>Costs the main thread one ordered store per item (the count of items done) and a read of {@code flagged}: a
 * chunk of items each shorter than {@link #REPORT_AFTER_NANOS} sends nothing more than before.
 */
final class ItemWatch {
    /**
     * An item running this long is reported, with the outcomes of the items before it. Not much shorter: on a
     * loaded machine a thread of tiny items waits that long for a core now and then, and each report costs an
     * encoding of the chunk's results so far.
     */
    static final long REPORT_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** With a time limit, the parent hears from a worker running a chunk at least this often. */
    static final long HEARTBEAT_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ParentLink link;
    private final Thread main;
    private final long timeoutNanos;
    private final long reportAfterNanos;
    private final long tickNanos;
    private volatile ChunkRun current;
    /** The chunk the main thread works on, from reading its inputs to sending its result; 0 if none. */
    private volatile long busyWith;
    private long lastBeat;

    /** @param timeoutNanos the pool's time limit per item; 0 for none */
    static ItemWatch start(ParentLink link, Thread main, long timeoutNanos) {
        ItemWatch watch = new ItemWatch(link, main, timeoutNanos);
        Daemons.start("processpool-item-watch", watch::watch);
        // An item that calls System.exit: the parent still learns which item it was.
        Runtime.getRuntime().addShutdownHook(new Thread(watch::reportOnExit, "processpool-item-watch-exit"));
        return watch;
    }

    /** A watch that never looks: for a reserve worker's warm-up, which runs the task path without a parent. */
    static ItemWatch idle() {
        return new ItemWatch(null, Thread.currentThread(), 0);
    }

    private ItemWatch(ParentLink link, Thread main, long timeoutNanos) {
        this.link = link;
        this.main = main;
        this.timeoutNanos = timeoutNanos;
        this.reportAfterNanos = timeoutNanos > 0 ? Math.min(REPORT_AFTER_NANOS, timeoutNanos / 2) : REPORT_AFTER_NANOS;
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(2),
                Math.min(TimeUnit.MILLISECONDS.toNanos(25), reportAfterNanos / 4));
    }

    /**
     * The main thread works on {@code chunkId} (0: on none any more): with a time limit the parent hears from this
     * worker while it reads the chunk's inputs and writes its results too, not only while items run.
     */
    void busyWith(long chunkId) {
        busyWith = chunkId;
    }

    /** The main thread starts running items {@code start} to {@code end - 1} of a chunk. */
    ChunkRun begin(long chunkId, DecodedTask task, int start, int end) {
        ChunkRun run = new ChunkRun(chunkId, task, start, end);
        current = run;
        return run;
    }

    /** The main thread is done with the chunk: no interrupt reaches it after this. */
    void end(ChunkRun run) {
        synchronized (run) {
            run.ended = true;
            current = null;
            Thread.interrupted();
        }
    }

    /** The parent cancelled the chunk: if it runs, its item is interrupted and its other items skipped. */
    boolean cancel(long chunkId) {
        ChunkRun run = current;
        if (run == null || run.chunkId != chunkId) {
            return false;
        }
        synchronized (run) {
            if (run.ended) {
                return false;
            }
            run.cancelled = true;
            run.flagged = true;
            main.interrupt();
            return true;
        }
    }

    private void watch() {
        while (true) {
            LockSupport.parkNanos(tickNanos);
            ChunkRun run = current;
            try {
                if (run != null) {
                    run.look(System.nanoTime());
                } else if (timeoutNanos > 0) {
                    beatIfBusy();
                }
            } catch (IOException e) {
                return;   // the channel is gone; the worker is ending
            }
        }
    }

    /** Between items (reading inputs, writing results), a report without outcomes: this worker is alive. */
    private void beatIfBusy() throws IOException {
        long chunkId = busyWith;
        long now = System.nanoTime();
        if (chunkId != 0 && now - lastBeat >= HEARTBEAT_NANOS) {
            lastBeat = now;
            link.send(new WorkerFrames.Progress(chunkId, 0, 0, new byte[0], "[]", -1, 0, false).write());
        } else if (chunkId == 0) {
            lastBeat = now;
        }
    }

    private void reportOnExit() {
        ChunkRun run = current;
        if (run == null) {
            return;
        }
        synchronized (run) {
            if (!run.ended) {
                try {
                    run.report(run.done.get(), 0, false);
                } catch (IOException e) {
                    // the parent learns of the exit anyway
                }
            }
        }
    }

    /** One chunk being run by the main thread. Fields without a note are guarded by its monitor. */
    final class ChunkRun {
        final long chunkId;
        private final DecodedTask task;
        private final int start;
        /** Results of items {@code start..}, written by the main thread before it counts the item done. */
        private final Object[] results;
        private final List<ItemFailure> failures = new ArrayList<>();
        /** Index of the item running: every item before it is done. Written by the main thread only. */
        private final AtomicInteger done;
        /** Something needs the main thread's attention at the end of its item; read without the lock. */
        private volatile boolean flagged;
        private boolean ended;
        private boolean cancelled;
        private int reportedUpTo;
        private int seenIndex = -1;
        private long seenAt;
        private long lastReportAt = System.nanoTime();
        private boolean runningReported;
        private int timedOutIndex = -1;

        private ChunkRun(long chunkId, DecodedTask task, int start, int end) {
            this.chunkId = chunkId;
            this.task = task;
            this.start = start;
            this.results = new Object[end - start];
            this.done = new AtomicInteger(start);
            this.reportedUpTo = start;
        }

        /**
         * Item {@code index} returned {@code result} or threw {@code error}. An item that ran past the time limit
         * fails with a {@link TaskTimeoutException} whatever it did.
         *
         * @return whether the chunk was cancelled: its remaining items are to be skipped
         */
        boolean itemDone(int index, Object result, Throwable error) throws IOException {
            if (error == null && !flagged) {   // the way of nearly every item: a store, an ordered store, a read
                results[index - start] = result;
                done.lazySet(index + 1);
                return false;
            }
            return itemDoneWatched(index, result, error);
        }

        private boolean itemDoneWatched(int index, Object result, Throwable error) throws IOException {
            synchronized (this) {
                if (timedOutIndex == index) {
                    Thread.interrupted();
                    error = new TaskTimeoutException(Duration.ofNanos(timeoutNanos), ProcessHandle.current().pid(),
                            "the item ran past the pool's task timeout of " + Duration.ofNanos(timeoutNanos)
                                    + " and was interrupted");
                }
                if (error != null) {
                    failures.add(new ItemFailure(index, RemoteFailure.of(error)));
                } else {
                    results[index - start] = result;
                }
                done.lazySet(index + 1);
                if (runningReported && !cancelled) {
                    report(-1, 0, false);   // the item reported running is done: its outcome goes now
                }
                runningReported = false;
                flagged = cancelled;
                return cancelled;
            }
        }

        /** The results of every item, in order, and the failures. */
        List<Object> results() {
            return Arrays.asList(results);
        }

        synchronized List<ItemFailure> failures() {
            return List.copyOf(failures);
        }

        /** The watch's look at the chunk, every tick. */
        private synchronized void look(long now) throws IOException {
            if (ended || cancelled) {
                return;
            }
            int index = done.get();
            if (index != seenIndex) {
                seenIndex = index;
                seenAt = now;
                runningReported = false;
            }
            long age = now - seenAt;
            if (timeoutNanos > 0 && age >= timeoutNanos && timedOutIndex != index) {
                // Between the count above and this interrupt the item may just have returned; then the interrupt
                // reaches the next item. The window is a few instructions wide, once per time limit.
                timedOutIndex = index;
                flagged = true;
                runningReported = true;
                main.interrupt();
                report(index, age, true);
            } else if (!runningReported && age >= reportAfterNanos) {
                runningReported = true;
                flagged = true;
                report(index, age, false);
            } else if (timeoutNanos > 0 && now - lastReportAt >= HEARTBEAT_NANOS) {
                report(runningReported ? index : -1, age, false);
            }
        }

        /** Sends the outcomes of the items done since the last report, and the item running, if known. */
        private void report(int running, long runningNanos, boolean timedOut) throws IOException {
            int to = done.get();
            int from = reportedUpTo;
            byte[] encoded;
            try {
                encoded = to == from ? new byte[0]
                        : task.results().encode(Arrays.asList(results).subList(from - start, to - start));
            } catch (RuntimeException unsendable) {
                // The chunk's result says which; until then the parent knows of no outcome beyond `from`. Nothing is
                // encoded: even an empty list of a type JSON-B cannot model fails (a Thread result, refused).
                encoded = new byte[0];
                to = from;
            }
            List<ItemFailure> reported = new ArrayList<>();
            for (ItemFailure failure : failures) {
                if (failure.index() >= from && failure.index() < to) {
                    reported.add(failure);
                }
            }
            reportedUpTo = to;
            lastReportAt = System.nanoTime();
            link.send(new WorkerFrames.Progress(chunkId, from, to, encoded, ItemFailure.toJson(reported), running,
                    runningNanos, timedOut).write());
        }
    }
}
