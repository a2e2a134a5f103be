package dev.processpool.internal.pool;

import dev.processpool.TaskTimeoutException;
import dev.processpool.WorkerDiedException;
import dev.processpool.internal.codec.ItemFailure;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The items the workers run: their progress, the time limit per item, and the chunks whose callers gave up
 * (cancelled). Part of a {@link PoolCore}: guarded by its monitor; the methods take it. The pool's clock, an
 * {@link ItemSupervisor}, calls {@link #supervise()}.
 */
final class RunningItems {
    private static final System.Logger LOG = System.getLogger("dev.processpool");
    /**
     * How long after the time limit (or a cancellation) the pool waits for the running item to return before it
     * stops its worker: the item fails within the limit and this plus a tick of the {@link ItemSupervisor}.
     */
    static final long STOP_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    private final PoolCore core;
    private final Dispatcher dispatcher;
    private final WorkerSupervisor workers;
    /** The time limit per item; null for none. */
    private final Duration taskTimeout;
    private final ItemSupervisor clock;
    private long tasksTimedOut;

    RunningItems(PoolCore core, Dispatcher dispatcher, WorkerSupervisor workers, Duration taskTimeout) {
        this.core = core;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.taskTimeout = taskTimeout;
        this.clock = new ItemSupervisor("processpool-" + core.startMethod() + "-supervisor", this::supervise);
    }

    /** A pool with a time limit keeps its clock from the start. */
    void startClockIfLimited() {
        if (taskTimeout != null) {
            clock.ensureStarted();
        }
    }

    void stopClock() {
        clock.stop();
    }

    /** The time limit per item in nanoseconds, 0 for none: the worker interrupts an item at it. */
    long timeoutNanos() {
        return taskTimeout == null ? 0 : taskTimeout.toNanos();
    }

    Chunk.Origin origin(Worker worker) {
        return new Chunk.Origin(worker.pid(), taskTimeout);
    }

    /** What the running item of a worker the pool stopped, or that died, fails with. */
    RuntimeException stoppedItemError(Worker worker, RunningItem.Stop stop, int status) {
        if (stop == RunningItem.Stop.TIMED_OUT) {
            return new TaskTimeoutException(taskTimeout, worker.pid(), "the item ran past the pool's task timeout of "
                    + taskTimeout + " and did not return within " + STOP_GRACE_NANOS / 1_000_000
                    + " ms of its interrupt; its worker pid " + worker.pid() + " was stopped and replaced");
        }
        return new WorkerDiedException(worker.pid(), status, WorkerExits.of(worker.process(), status,
                "while running this task"));
    }

    /**
     * The worker reported the outcomes of items {@code from..to-1} of its running chunk, and which item runs (or
     * -1) since {@code runningNanos} ago; {@code timedOut}: that item ran past the time limit and was interrupted.
     */
    void progress(Worker worker, long chunkId, ItemRange done, int running, long runningNanos, boolean timedOut) {
        Chunk chunk;
        synchronized (core) {
            chunk = worker.inFlight.peekFirst();
        }
        if (chunk == null || chunk.id != chunkId) {
            return;
        }
        chunk.reported(done.from(), done.to(), done.results(), done.failures(), origin(worker));
        synchronized (core) {
            long now = System.nanoTime();
            if (timedOut && !worker.item.timedOut(chunk)) {
                tasksTimedOut++;
            }
            worker.item.reported(chunk, running, now - runningNanos, timedOut, now);
        }
    }

    /** Outcomes of items {@code from..to-1} of a chunk, as a worker reports them. */
    record ItemRange(int from, int to, byte[] results, List<ItemFailure> failures) {
    }

    /** Anything from the worker: it is alive and not wedged. */
    void heard(Worker worker) {
        synchronized (core) {
            worker.item.lastHeard = System.nanoTime();
        }
    }

    /**
     * The caller gave up on these chunks (cancelled or completed its future itself): those queued are dropped,
     * those waiting in a worker's channel are asked back, and a worker running one is asked to interrupt it and,
     * if it has not given it up within the grace, stopped and replaced ({@link #supervise()}).
     */
    void withdraw(List<Chunk> chunks) {
        chunks.forEach(Chunk::withdraw);
        clock.ensureStarted();
        List<Runnable> actions = new ArrayList<>();
        synchronized (core) {
            Set<Chunk> withdrawn = new HashSet<>(chunks);
            dispatcher.withdrawLocked(withdrawn);
            long now = System.nanoTime();
            for (Worker worker : workers.connectedLocked()) {
                // the waiting ones first: the running one, interrupted, would otherwise make way for the next
                for (Iterator<Chunk> held = worker.inFlight.descendingIterator(); held.hasNext(); ) {
                    Chunk chunk = held.next();
                    if (withdrawn.contains(chunk)) {
                        if (chunk == worker.inFlight.peekFirst()) {
                            worker.item.cancelSince = now;
                        }
                        actions.add(() -> worker.connection.cancel(chunk));
                    }
                }
            }
            actions.addAll(core.finishIfDoneLocked());
        }
        actions.forEach(Runnable::run);
    }

    /** The worker dropped a cancelled chunk before it started. */
    void cancelledInWorker(Worker worker, long chunkId) {
        List<Runnable> actions = new ArrayList<>();
        synchronized (core) {
            if (!dispatcher.droppedLocked(worker, chunkId) || core.stateLocked().isFinal()) {
                return;
            }
            actions.addAll(workers.retireIfDrainedLocked(worker));
            actions.addAll(dispatcher.assignLocked());
            actions.addAll(core.finishIfDoneLocked());
        }
        actions.forEach(Runnable::run);
    }

    /**
     * The clock's tick: stops a worker whose item ran past the time limit and the grace, or that has been
     * silent that long while running a chunk (its JVM is wedged: only the parent can end it), or that has not
     * given up a cancelled chunk within the grace. Its death then fails only the running item.
     */
    void supervise() {
        List<Runnable> actions = new ArrayList<>();
        synchronized (core) {
            long now = System.nanoTime();
            for (Worker worker : workers.connectedLocked()) {
                Chunk head = worker.inFlight.peekFirst();
                if (head != null && worker.state().ready() && worker.item.stop == RunningItem.Stop.NONE) {
                    superviseLocked(worker, head, now, actions);
                }
            }
        }
        actions.forEach(Runnable::run);
    }

    private void superviseLocked(Worker worker, Chunk head, long now, List<Runnable> actions) {
        RunningItem item = worker.item;
        if (head.withdrawn()) {
            if (item.cancelSince == 0) {
                item.cancelSince = now;   // it became the running chunk after it was cancelled
                actions.add(() -> worker.connection.cancel(head));
            } else if (now - item.cancelSince > STOP_GRACE_NANOS) {
                item.stop = RunningItem.Stop.CANCELLED;
                actions.add(worker.process()::kill);
            }
        } else if (taskTimeout != null && overdueLocked(worker, head, now)) {
            if (!item.timedOut(head)) {
                tasksTimedOut++;
            }
            item.stop = RunningItem.Stop.TIMED_OUT;
            actions.add(worker.process()::kill);
            LOG.log(Level.WARNING, "{0}: an item of worker pid {1} ran past the task timeout of {2} and did"
                    + " not return when interrupted; stopping the worker", core.name(), Long.toString(worker.pid()),
                    taskTimeout);
        }
    }

    /** Its item ran past the limit and the grace, or the worker has said nothing for that long while running. */
    private boolean overdueLocked(Worker worker, Chunk head, long now) {
        long limit = taskTimeout.toNanos() + STOP_GRACE_NANOS;
        RunningItem item = worker.item;
        return item.index(head) >= 0 && now - item.since(head, now) > limit
                || now - Math.max(worker.runningSince, item.lastHeard) > limit;
    }

    /** The age of the oldest item running that its worker told of (items are told of after half a second), in ms. */
    long longestRunningMillisLocked() {
        long now = System.nanoTime();
        long oldest = 0;
        for (Worker worker : workers.connectedLocked()) {
            Chunk head = worker.inFlight.peekFirst();
            if (worker.item.index(head) >= 0) {
                oldest = Math.max(oldest, now - worker.item.since(head, now));
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(oldest);
    }

    long tasksTimedOutLocked() {
        return tasksTimedOut;
    }
}
