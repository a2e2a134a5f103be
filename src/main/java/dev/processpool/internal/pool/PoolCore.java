package dev.processpool.internal.pool;

import dev.processpool.PoolOptions;
import dev.processpool.TaskFailedException;
import dev.processpool.TaskTimeoutException;
import dev.processpool.WorkerDiedException;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.config.ProcessCeiling;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.launch.WorkerStarter;
import dev.processpool.internal.management.PoolControl;
import dev.processpool.internal.management.ResidentMemory;
import dev.processpool.internal.management.WorkerFigures;
import dev.processpool.internal.threads.Daemons;
import dev.processpool.internal.threads.Timers;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pool's workers and its queue of chunks: dispatch, replacement of workers that exit or die, and the life
 * cycle of {@link PoolState}. Knows nothing of CDI.
 *
 * <p>Locking: every field below {@code launcher} is guarded by this object's monitor. Nothing slow happens
 * under it: frames are sent, processes started and killed, and chunks completed outside, from the lists of
 * actions that the locked methods return.
 *
 * <p>As {@link PoolControl} it gives its figures to JMX, and is resized and has its workers recycled live: a
 * worker to let go is {@link WorkerConnection#draining}, takes no more chunks and leaves once those it holds
 * are done, so no chunk is lost or run twice.
 */
final class PoolCore implements WorkerLauncher.Events, PoolControl {
    private static final System.Logger LOG = System.getLogger("dev.processpool");
    /** Workers that fail to start in a row before the pool gives up, instead of restarting them forever. */
    private static final int MAX_START_FAILURES = 3;
    private static final long EXIT_STATUS_WAIT_MILLIS = 1000;
    private static final long SHUTDOWN_GRACE_SECONDS = 10;
    private static final long KILL_WAIT_SECONDS = 10;
    /**
     * Chunks a worker holds at once. More than one saves the worker a round trip to the parent between chunks:
     * most of a tiny task's cost, and for long chunks a gap in which a core idles while the parent, on the
     * same busy cores, gets around to sending the next one. But a chunk waiting behind a slow one waits even
     * when another worker is free: so a worker holds four while the chunks of this pool take less than
     * {@link #SHORT_CHUNK_NANOS} on average, where that wait is short too, and else two, and a worker that
     * runs out of work while the queue is empty asks a waiting one back from another worker
     * ({@link ChunkStealing}).
     */
    private static final int CHUNKS_PER_WORKER_SHORT = 4;
    private static final int CHUNKS_PER_WORKER_LONG = 2;
    private static final long SHORT_CHUNK_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    /**
     * How long after the time limit (or a cancellation) the pool waits for the running item to return before it
     * stops its worker: the item fails within the limit and this plus a tick of the {@link ItemSupervisor}.
     */
    static final long STOP_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    private final String startMethod;
    /** Set before the workers start: the name the pool got registered under, and its start method. */
    private volatile String name;
    /** Written under the lock (resize); read without it by callers sizing their chunks. */
    private volatile int processes;
    private final int maxTasksPerChild;
    /** The time limit per item; null for none. */
    private final java.time.Duration taskTimeout;
    private final long maxMemoryPerChild;
    private final ItemSupervisor supervisor;
    private final String initializerCode;
    private final String parentClassPath = System.getProperty("java.class.path", "");
    private final PrivateSocket socket;
    private final WorkerLauncher launcher;
    /**
     * Replacement workers are launched here, never on a thread that reads from a worker or a forkserver: a
     * launch may wait for the forkserver's answer, which such a thread delivers.
     */
    private final ExecutorService launches;
    private final ItemCounts itemCounts = new ItemCounts();
    /** Run once the pool has reached a final state. */
    private volatile Runnable whenStopped = () -> { };

    private PoolState state = PoolState.RUNNING;
    private RuntimeException brokenReason;
    private final Deque<Chunk> queue = new ArrayDeque<>();
    private final ChunkTimes chunkTimes = new ChunkTimes();
    /** Connected workers that are not retiring, in the order they connected. */
    private final Set<WorkerConnection> connections = new LinkedHashSet<>();
    /** Every process started and not yet exited. */
    private final Set<StartedWorker> alive = new HashSet<>();
    /** Workers launched (or queued to be) that are not ready yet. */
    private int starting;
    /**
     * Launches wanted and not begun yet, counted in {@link #starting}. They run one at a time on {@link #launches};
     * a smaller size or a stop withdraws them at once ({@link #withdrawSurplusLaunchesLocked}), so a pool never has
     * more launches waiting than workers it still needs.
     */
    private int queuedLaunches;
    /** Whether {@link #runQueuedLaunches} is queued or running on {@link #launches}. */
    private boolean launching;
    /** Its owner let it go (closed, terminated, collected): a broken pool can no longer be restarted. */
    private boolean released;
    private int startFailuresInARow;
    /** Chunks sent and not yet completed. */
    private int busy;
    private long tasksSubmitted;
    private long workerRestarts;
    private long tasksTimedOut;
    private long workersRecycledForMemory;

    PoolCore(String startMethod, WorkerStarter starter, PoolOptions options, String initializerCode)
            throws IOException {
        this.startMethod = startMethod;
        this.name = "pool (" + startMethod + ")";
        this.processes = options.processes();
        this.maxTasksPerChild = options.maxTasksPerChild();
        this.taskTimeout = options.taskTimeout().orElse(null);
        this.maxMemoryPerChild = options.maxMemoryPerChild();
        this.supervisor = new ItemSupervisor("processpool-" + startMethod + "-supervisor", this::supervise);
        this.initializerCode = initializerCode;
        this.socket = PrivateSocket.open("pool.sock");
        this.launcher = new WorkerLauncher(starter, socket, options, this);
        this.launches = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> Daemons.factory("processpool-" + name + "-launcher").newThread(task));
    }

    /** Names the pool, for its log lines and threads; called before {@link #startWorkers()}. */
    void name(String poolName) {
        this.name = poolName;
    }

    /** {@code action} runs each time the pool reaches a final state (a restarted broken pool may reach one again). */
    void whenStopped(Runnable action) {
        this.whenStopped = action;
    }

    /** Starts all workers; if one cannot be started, stops those already started and throws. */
    void startWorkers() throws IOException {
        if (taskTimeout != null) {
            supervisor.ensureStarted();
        }
        synchronized (this) {
            starting += processes;
        }
        try {
            launcher.launch(processes);
        } catch (IOException | RuntimeException e) {
            terminate();
            throw e;
        }
    }

    String name() {
        return name;
    }

    java.nio.file.Path socketPath() {
        return socket.path();
    }

    String parentClassPath() {
        return parentClassPath;
    }

    String initializerCode() {
        return initializerCode;
    }

    /** The time limit per item in nanoseconds, 0 for none: the worker interrupts an item at it. */
    long timeoutNanos() {
        return taskTimeout == null ? 0 : taskTimeout.toNanos();
    }

    Chunk.Origin origin(WorkerConnection worker) {
        return new Chunk.Origin(worker.pid(), taskTimeout);
    }

    StartedWorker claim(String token) {
        return launcher.claim(token);
    }

    // ---- submitting

    void submit(List<Chunk> chunks) {
        List<Runnable> actions;
        synchronized (this) {
            checkRunning();
            for (Chunk chunk : chunks) {
                chunk.counts = itemCounts;
                tasksSubmitted += chunk.size;
            }
            queue.addAll(chunks);
            actions = assignLocked();
        }
        actions.forEach(Runnable::run);
    }

    synchronized void checkRunning() {
        if (state == PoolState.BROKEN) {
            throw new IllegalStateException("pool is broken: " + brokenReason.getMessage()
                    + "; an administrator can restart it (JMX operation restart of " + name + ")", brokenReason);
        }
        if (state != PoolState.RUNNING) {
            throw new IllegalStateException("pool is closed");
        }
    }

    /**
     * Gives queued chunks to the workers holding the fewest: up to {@link #CHUNKS_PER_WORKER_SHORT} each while
     * the pool's chunks are short, else {@link #CHUNKS_PER_WORKER_LONG}. With the queue empty, idle workers
     * steal.
     */
    private List<Runnable> assignLocked() {
        List<Runnable> sends = new ArrayList<>();
        boolean shortChunks = chunkTimes.isShort(SHORT_CHUNK_NANOS);
        int chunksPerWorker = shortChunks ? CHUNKS_PER_WORKER_SHORT : CHUNKS_PER_WORKER_LONG;
        for (int held = 0; held < chunksPerWorker && !queue.isEmpty(); held++) {
            for (WorkerConnection worker : connections) {
                if (queue.isEmpty()) {
                    break;
                }
                if (worker.inFlight.size() == held && canTakeMore(worker) && (held > 0 || mayStartWorkLocked())) {
                    Chunk chunk = queue.poll();
                    if (worker.inFlight.isEmpty()) {
                        worker.runningSince = System.nanoTime();
                    }
                    worker.inFlight.add(chunk);
                    worker.toSend.add(chunk);
                    busy++;
                    sends.add(worker::sendQueued);
                    if (!canTakeMore(worker)) {
                        // its last chunk: its successor starts now, not once this chunk is done; and a chunk it
                        // gives back does not make it stay beside its successor
                        worker.draining = true;
                        sends.addAll(replaceLocked());
                    }
                }
            }
        }
        if (queue.isEmpty() && !shortChunks) {   // short chunks are not worth the round trip
            sends.addAll(ChunkStealing.revokes(connections, idle -> canTakeMore(idle) && mayStartWorkLocked()));
        }
        return sends;
    }

    /** The worker's answer to REVOKE: a chunk given back goes to the head of the queue, for an idle worker. */
    void revoked(WorkerConnection worker, long chunkId, boolean givenBack) {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            Chunk chunk = worker.revoking;
            worker.revoking = null;
            if (state.isFinal() || chunk == null || chunk.id != chunkId) {
                return;
            }
            if (givenBack && worker.inFlight.remove(chunk)) {
                busy--;
                queue.addFirst(chunk);
                if (worker.draining && worker.inFlight.isEmpty()) {
                    actions.addAll(retireLocked(worker));
                }
            }
            actions.addAll(assignLocked());
        }
        actions.forEach(Runnable::run);
    }

    /**
     * Whether an idle worker may start on a chunk: no more than {@code processes} workers hold chunks at once,
     * even while a successor started early waits beside the worker it replaces, or a resized pool's surplus
     * finishes its chunks.
     */
    private boolean mayStartWorkLocked() {
        return connections.stream().filter(worker -> !worker.inFlight.isEmpty()).count() < processes;
    }

    /** A draining worker takes none; one with a task limit no more chunks than it may still run. */
    private boolean canTakeMore(WorkerConnection worker) {
        return !worker.draining
                && (maxTasksPerChild == 0 || worker.tasksDone + worker.inFlight.size() < maxTasksPerChild);
    }

    // ---- events from workers and the launcher

    @Override
    public void launched(StartedWorker worker) {
        boolean unwanted;
        synchronized (this) {
            unwanted = state.isFinal();
            alive.add(worker);
        }
        worker.onExit().whenComplete((status, error) -> processExited(worker));
        if (unwanted) {
            worker.kill();
        }
    }

    @Override
    public void accepted(FrameChannel channel) {
        new WorkerConnection(channel, this).startReading();
    }

    @Override
    public void startFailed(String reason) {
        List<Runnable> actions;
        synchronized (this) {
            starting--;
            actions = startFailedLocked(reason);
        }
        actions.forEach(Runnable::run);
    }

    private List<Runnable> startFailedLocked(String reason) {
        if (state.isFinal() || state == PoolState.CLOSING && queue.isEmpty()) {
            return finishIfDoneLocked();
        }
        LOG.log(Level.WARNING, "{0}: {1}", name, reason);
        if (++startFailuresInARow >= MAX_START_FAILURES) {
            return breakLocked(new TaskFailedException("dev.processpool.WorkerStartFailed",
                    MAX_START_FAILURES + " workers in a row failed to start; last: " + reason
                            + "; check the pool's jvmOptions and javaExecutable", null));
        }
        return replaceLocked();
    }

    /**
     * The worker said HELLO and was sent START: it takes tasks from now on. They wait in its channel behind
     * START, so its first task does not wait for a round trip; until READY its start may still fail.
     */
    void workerConnected(WorkerConnection worker) {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            starting--;
            if (state.isFinal()) {
                actions.add(worker::close);
            } else if (state == PoolState.RUNNING && stayingLocked() >= processes) {
                actions.addAll(retireLocked(worker));   // started before the pool was made smaller
            } else {
                worker.connectedNanos = System.nanoTime();
                connections.add(worker);
                actions.addAll(assignLocked());   // or steals, for a worker that joins late
                actions.addAll(finishIfDoneLocked());
            }
        }
        actions.forEach(Runnable::run);
    }

    /** The worker ran its initializer: its start succeeded. */
    synchronized void workerReady(WorkerConnection worker) {
        worker.ready = true;
        worker.item.lastHeard = System.nanoTime();
        startFailuresInARow = 0;
    }

    void initializerFailed(WorkerConnection worker, RemoteFailure failure) {
        List<Runnable> actions;
        synchronized (this) {
            worker.retiring = true;
            actions = state.isFinal() ? List.of() : breakLocked(failure.toException(
                    "in the initializer of worker pid " + worker.pid() + "; the pool is stopped"));
        }
        actions.forEach(Runnable::run);
    }

    /** @param leaving the worker exits after this chunk (an error of its JVM): it gets no more work */
    void chunkFinished(WorkerConnection worker, long chunkId, byte[] results, List<ItemFailure> failures,
            boolean leaving) {
        Chunk chunk;
        synchronized (this) {
            chunk = worker.inFlight.peekFirst();
        }
        if (chunk == null || chunk.id != chunkId) {
            LOG.log(Level.ERROR, "{0}: worker {1} answered chunk {2} it was not given; dropping it",
                    name, Long.toString(worker.pid()), Long.toString(chunkId));
            worker.close();
            return;
        }
        boolean tooLarge = maxMemoryPerChild > 0 && tooLarge(worker);
        // Complete before the worker is released, so that a close() that is waiting returns only after this.
        chunk.complete(results, failures, origin(worker));
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            worker.inFlight.pollFirst();
            long now = System.nanoTime();
            chunkTimes.add(now - worker.runningSince);
            worker.runningSince = now;   // the next chunk, if it holds one, starts now
            worker.item.nextChunk(now);
            busy--;
            worker.tasksDone++;
            if (state.isFinal()) {
                return;
            }
            if (leaving || maxTasksPerChild > 0 && worker.tasksDone >= maxTasksPerChild
                    || worker.draining && worker.inFlight.isEmpty()) {
                requeueLocked(worker);
                actions.addAll(retireLocked(worker));
                actions.addAll(replaceLocked());
            } else if (tooLarge) {
                // draining: the chunks it holds are in its channel already, it runs them and then leaves
                actions.addAll(replaceLocked());
            }
            actions.addAll(assignLocked());
            actions.addAll(finishIfDoneLocked());
        }
        actions.forEach(Runnable::run);
    }

    /**
     * Whether the worker holds more than maxMemoryPerChild; if so it is draining from now on (takes no more chunks).
     * Decided before its chunk completes, so that the caller's next task does not go to it, and counted.
     */
    private boolean tooLarge(WorkerConnection worker) {
        long resident = ResidentMemory.of(worker.pid());
        if (resident <= maxMemoryPerChild) {
            return false;
        }
        synchronized (this) {
            if (worker.draining || worker.retiring || state.isFinal()) {
                return false;   // leaving anyway
            }
            worker.draining = true;
            workersRecycledForMemory++;
        }
        LOG.log(Level.INFO, "{0}: worker pid {1} holds {2} bytes, more than maxMemoryPerChild ({3}); replacing it",
                name, Long.toString(worker.pid()), resident, maxMemoryPerChild);
        return true;
    }

    /** The worker said HELLO and was gone before it could be sent START: a start that failed. */
    void lostBeforeStart(WorkerConnection worker) {
        int status = exitStatus(worker.process());
        startFailed("worker pid " + worker.pid() + " " + describeExit(status) + " before it was started"
                + WorkerLauncher.describeOutput(worker.process().outputTail()));
    }

    /**
     * The worker's channel closed: it exited, was told to, or died. Only the item it was running fails (if it told
     * of it; else the items of the chunk it had not told of); the rest of that chunk and the chunks waiting behind
     * it go back to the head of the queue, as does the first one of a worker that died starting or was leaving.
     */
    void connectionLost(WorkerConnection worker) {
        Chunk running;
        int runningIndex;
        RunningItem.Stop stop;
        synchronized (this) {
            running = worker.ready && !worker.retiring ? worker.inFlight.peekFirst() : null;
            runningIndex = worker.item.index(running);
            stop = worker.item.stop;
        }
        // A worker the pool stopped itself was killed: its item's error says why, without waiting for the status.
        int status = stop == RunningItem.Stop.NONE ? exitStatus(worker.process()) : 137;
        boolean rest = false;
        if (running != null) {
            RuntimeException error = stop == RunningItem.Stop.TIMED_OUT
                    ? new TaskTimeoutException(taskTimeout, worker.pid(), "the item ran past the pool's task timeout of "
                            + taskTimeout + " and did not return within " + STOP_GRACE_NANOS / 1_000_000
                            + " ms of its interrupt; its worker pid " + worker.pid() + " was stopped and replaced")
                    : new WorkerDiedException(worker.pid(), status, "worker pid " + worker.pid() + " "
                            + describeExit(status) + " while running this task"
                            + WorkerLauncher.describeOutput(worker.process().outputTail()));
            rest = running.withdrawn() ? false : running.workerLost(runningIndex, error);
        }
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            if (running != null) {
                worker.inFlight.pollFirst();
                busy--;
            }
            requeueLocked(worker);
            if (rest && !state.isFinal()) {
                queue.addFirst(running);   // its items not started, before the chunks that were waiting behind it
            }
            connections.remove(worker);
            if (!worker.ready && !worker.retiring) {
                actions.addAll(startFailedLocked("worker pid " + worker.pid() + " " + describeExit(status)
                        + " before it was ready" + WorkerLauncher.describeOutput(worker.process().outputTail())));
            } else if (!worker.retiring && !state.isFinal()) {
                if (stop == RunningItem.Stop.NONE) {
                    LOG.log(Level.WARNING, "{0}: worker pid {1} {2}; replacing it", name, Long.toString(worker.pid()),
                            describeExit(status));
                }
                actions.addAll(replaceLocked());
            }
            actions.addAll(assignLocked());
            actions.addAll(finishIfDoneLocked());
        }
        actions.forEach(Runnable::run);
    }

    /** Puts the chunks a worker holds but will not run back at the head of the queue, in their order. */
    private void requeueLocked(WorkerConnection worker) {
        while (!worker.inFlight.isEmpty()) {
            Chunk chunk = worker.inFlight.pollLast();
            busy--;
            if (!state.isFinal() && !chunk.withdrawn()) {
                queue.addFirst(chunk);
            }
        }
    }

    private static int exitStatus(StartedWorker process) {
        try {
            return process.onExit().get(EXIT_STATUS_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WorkerDiedException.UNKNOWN_EXIT_STATUS;
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            return WorkerDiedException.UNKNOWN_EXIT_STATUS;
        }
    }

    static String describeExit(int status) {
        if (status == WorkerDiedException.UNKNOWN_EXIT_STATUS) {
            return "died (exit status unknown)";
        }
        if (status == 137) {
            return "was killed (SIGKILL, exit status 137)";
        }
        return status > 128 ? "was killed by signal " + (status - 128) + " (exit status " + status + ")"
                : "exited with status " + status;
    }

    void processExited(StartedWorker worker) {
        List<Runnable> actions;
        synchronized (this) {
            alive.remove(worker);
            actions = finishIfDoneLocked();
            notifyAll();
        }
        actions.forEach(Runnable::run);
    }

    // ---- supervision of running items: progress, time limits, cancellation

    /**
     * The worker reported the outcomes of items {@code from..to-1} of its running chunk, and which item runs (or
     * -1) since {@code runningNanos} ago; {@code timedOut}: that item ran past the time limit and was interrupted.
     */
    void progress(WorkerConnection worker, long chunkId, int from, int to, byte[] results, List<ItemFailure> failures,
            int running, long runningNanos, boolean timedOut) {
        Chunk chunk;
        synchronized (this) {
            chunk = worker.inFlight.peekFirst();
        }
        if (chunk == null || chunk.id != chunkId) {
            return;
        }
        chunk.reported(from, to, results, failures, origin(worker));
        synchronized (this) {
            long now = System.nanoTime();
            if (timedOut && !worker.item.timedOut(chunk)) {
                tasksTimedOut++;
            }
            worker.item.reported(chunk, running, now - runningNanos, timedOut, now);
        }
    }

    /** Anything from the worker: it is alive and not wedged. */
    synchronized void heard(WorkerConnection worker) {
        worker.item.lastHeard = System.nanoTime();
    }

    /**
     * The caller gave up on these chunks (cancelled or completed its future itself): those queued are dropped,
     * those waiting in a worker's channel are asked back, and a worker running one is asked to interrupt it and,
     * if it has not given it up within the grace, stopped and replaced ({@link #supervise()}).
     */
    void withdraw(List<Chunk> chunks) {
        chunks.forEach(Chunk::withdraw);
        supervisor.ensureStarted();
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            Set<Chunk> withdrawn = new HashSet<>(chunks);
            queue.removeIf(withdrawn::contains);
            long now = System.nanoTime();
            for (WorkerConnection worker : connections) {
                // the waiting ones first: the running one, interrupted, would otherwise make way for the next
                for (Iterator<Chunk> held = worker.inFlight.descendingIterator(); held.hasNext(); ) {
                    Chunk chunk = held.next();
                    if (withdrawn.contains(chunk)) {
                        if (chunk == worker.inFlight.peekFirst()) {
                            worker.item.cancelSince = now;
                        }
                        actions.add(() -> worker.cancel(chunk));
                    }
                }
            }
            actions.addAll(finishIfDoneLocked());
        }
        actions.forEach(Runnable::run);
    }

    /** The worker dropped a cancelled chunk before it started. */
    void cancelledInWorker(WorkerConnection worker, long chunkId) {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            if (!worker.inFlight.removeIf(chunk -> chunk.id == chunkId)) {
                return;
            }
            busy--;
            if (state.isFinal()) {
                return;
            }
            if (worker.draining && worker.inFlight.isEmpty()) {
                actions.addAll(retireLocked(worker));
            }
            actions.addAll(assignLocked());
            actions.addAll(finishIfDoneLocked());
        }
        actions.forEach(Runnable::run);
    }

    /**
     * The supervisor's tick: stops a worker whose item ran past the time limit and the grace, or that has been
     * silent that long while running a chunk (its JVM is wedged: only the parent can end it), or that has not
     * given up a cancelled chunk within the grace. Its death then fails only the running item.
     */
    void supervise() {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (WorkerConnection worker : connections) {
                Chunk head = worker.inFlight.peekFirst();
                RunningItem item = worker.item;
                if (head == null || !worker.ready || item.stop != RunningItem.Stop.NONE) {
                    continue;
                }
                if (head.withdrawn()) {
                    if (item.cancelSince == 0) {
                        item.cancelSince = now;   // it became the running chunk after it was cancelled
                        actions.add(() -> worker.cancel(head));
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
                            + " not return when interrupted; stopping the worker", name, Long.toString(worker.pid()),
                            taskTimeout);
                }
            }
        }
        actions.forEach(Runnable::run);
    }

    /** Its item ran past the limit and the grace, or the worker has said nothing for that long while running. */
    private boolean overdueLocked(WorkerConnection worker, Chunk head, long now) {
        long limit = taskTimeout.toNanos() + STOP_GRACE_NANOS;
        RunningItem item = worker.item;
        return item.index(head) >= 0 && now - item.since(head, now) > limit
                || now - Math.max(worker.runningSince, item.lastHeard) > limit;
    }

    /** The age of the oldest item running that its worker told of (items are told of after half a second), in ms. */
    @Override
    public synchronized long longestRunningTaskMillis() {
        long now = System.nanoTime();
        long oldest = 0;
        for (WorkerConnection worker : connections) {
            Chunk head = worker.inFlight.peekFirst();
            if (worker.item.index(head) >= 0) {
                oldest = Math.max(oldest, now - worker.item.since(head, now));
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(oldest);
    }

    @Override
    public synchronized long tasksTimedOut() {
        return tasksTimedOut;
    }

    @Override
    public long tasksCancelled() {
        return itemCounts.cancelled();
    }

    @Override
    public synchronized long workersRecycledForMemory() {
        return workersRecycledForMemory;
    }

    // ---- replacing and retiring workers

    /** Starts workers for those that exited or are leaving; they count as restarts. */
    private List<Runnable> replaceLocked() {
        List<Runnable> actions = new ArrayList<>();
        workerRestarts += launchMissingLocked(actions);
        return actions;
    }

    /** Workers that stay: a worker given its last chunk (maxTasksPerChild) or draining is being replaced. */
    private int stayingLocked() {
        return (int) connections.stream().filter(this::canTakeMore).count();
    }

    /** Workers the pool needs now: its size while running, no more than its queue needs while closing. */
    private int wantedLocked() {
        return state == PoolState.RUNNING ? processes
                : state == PoolState.CLOSING ? Math.min(queue.size(), processes) : 0;
    }

    /** Queues the launches of the workers missing, adding to {@code actions} what starts them; returns how many. */
    private int launchMissingLocked(List<Runnable> actions) {
        int missing = wantedLocked() - stayingLocked() - starting;
        if (missing <= 0) {
            return 0;
        }
        starting += missing;
        queuedLaunches += missing;
        if (!launching) {
            launching = true;
            actions.add(this::runQueuedLaunchesLater);
        }
        return missing;
    }

    /** Withdraws the queued launches beyond what the pool needs now (it was made smaller, or is stopping). */
    private void withdrawSurplusLaunchesLocked() {
        int surplus = Math.min(queuedLaunches, stayingLocked() + starting - wantedLocked());
        if (surplus > 0) {
            queuedLaunches -= surplus;
            starting -= surplus;
        }
    }

    private void runQueuedLaunchesLater() {
        try {
            launches.execute(this::runQueuedLaunches);
        } catch (RejectedExecutionException stopped) {
            List<Runnable> actions;
            synchronized (this) {
                starting -= queuedLaunches;
                queuedLaunches = 0;
                launching = false;
                actions = finishIfDoneLocked();
            }
            actions.forEach(Runnable::run);
        }
    }

    /** On the launcher thread: the queued launches, one at a time, each taken only if still wanted then. */
    private void runQueuedLaunches() {
        while (true) {
            synchronized (this) {
                withdrawSurplusLaunchesLocked();
                if (queuedLaunches == 0 || state.isFinal()) {
                    launching = false;
                    return;
                }
                queuedLaunches--;
            }
            try {
                launcher.launch(1);
            } catch (IOException | RuntimeException e) {
                startFailed("cannot start a worker: " + e);
            }
        }
    }

    /** The worker takes no more chunks and leaves once those it holds are done. */
    private List<Runnable> drainLocked(WorkerConnection worker) {
        worker.draining = true;
        return worker.inFlight.isEmpty() ? retireLocked(worker) : List.of();
    }

    private List<Runnable> retireLocked(WorkerConnection worker) {
        worker.retiring = true;
        connections.remove(worker);
        StartedWorker process = worker.process();
        String poolName = name;   // the timer must not hold the pool: a closed pool is collected at once
        return List.of(worker::shutdown, () -> {
            ScheduledFuture<?> grace = Timers.after(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS, () -> {
                if (process.onExit().isDone()) {
                    return;
                }
                LOG.log(Level.WARNING, "{0}: worker pid {1} did not exit within {2} s of SHUTDOWN; killing it",
                        poolName, Long.toString(process.pid()), SHUTDOWN_GRACE_SECONDS);
                process.kill();
            });
            process.onExit().thenRun(() -> grace.cancel(false));
        });
    }

    // ---- closing, terminating, breaking

    /** When closing and no task is left: tells every worker to exit; when all have, the pool is CLOSED. */
    private List<Runnable> finishIfDoneLocked() {
        if (state != PoolState.CLOSING || !queue.isEmpty() || busy > 0) {
            return List.of();
        }
        withdrawSurplusLaunchesLocked();
        List<Runnable> actions = new ArrayList<>();
        for (WorkerConnection worker : List.copyOf(connections)) {
            actions.addAll(retireLocked(worker));
        }
        if (starting > 0) {
            actions.add(launcher::killPending);
        }
        if (alive.isEmpty() && starting <= 0) {
            state = PoolState.CLOSED;
            notifyAll();
            actions.add(this::release);
            actions.add(whenStopped);
        }
        return actions;
    }

    /** No new tasks; waits until the accepted ones are done and the workers have exited. */
    void close() throws InterruptedException {
        stopAccepting();
        awaitStopped();
    }

    /** No new tasks from now on (every submission throws); the accepted ones go on. Does not wait. */
    void stopAccepting() {
        List<Runnable> actions = List.of();
        synchronized (this) {
            if (state == PoolState.RUNNING) {
                state = PoolState.CLOSING;
                actions = finishIfDoneLocked();
            }
        }
        actions.forEach(Runnable::run);
    }

    void terminate() {
        stopNow(PoolState.TERMINATED, new CancellationException("the pool was terminated"));
    }

    /**
     * Closes, waiting at most {@code bound} for the accepted tasks; then terminates.
     *
     * @return the items abandoned: accepted and neither done nor withdrawn when the bound ran out (0 if none)
     */
    long closeWithin(java.time.Duration bound) throws InterruptedException {
        stopAccepting();
        long abandoned = 0;
        synchronized (this) {
            long deadline = System.nanoTime() + bound.toNanos();
            while (!state.isFinal()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    abandoned = tasksSubmitted - itemCounts.completed() - itemCounts.failed() - itemCounts.cancelled();
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        terminate();
        awaitStopped();
        return Math.max(0, abandoned);
    }

    private List<Runnable> breakLocked(RuntimeException reason) {
        if (state.isFinal()) {
            return List.of();
        }
        brokenReason = reason;
        LOG.log(Level.ERROR, name + " is broken: " + reason.getMessage());
        return List.of(() -> stopNow(PoolState.BROKEN, reason));
    }

    /**
     * Kills every worker; every chunk not done fails with {@code reason}; queued launches are withdrawn. A broken pool
     * keeps its socket and launcher thread, for {@link #restart()}, until its owner lets it go ({@link #release()}).
     */
    private void stopNow(PoolState finalState, RuntimeException reason) {
        List<Chunk> unfinished = new ArrayList<>();
        List<StartedWorker> processesToKill;
        List<WorkerConnection> channels;
        synchronized (this) {
            if (state.isFinal()) {
                return;
            }
            state = finalState;
            starting -= queuedLaunches;
            queuedLaunches = 0;
            unfinished.addAll(queue);
            queue.clear();
            for (WorkerConnection worker : connections) {
                unfinished.addAll(worker.inFlight);
            }
            channels = List.copyOf(connections);
            processesToKill = List.copyOf(alive);
            connections.clear();
            notifyAll();
        }
        // Fail the chunks first: the workers' deaths must not be what their callers see.
        unfinished.forEach(chunk -> chunk.fail(reason));
        processesToKill.forEach(StartedWorker::kill);
        launcher.killPending();
        channels.forEach(WorkerConnection::close);
        if (finalState != PoolState.BROKEN) {
            release();
        }
        whenStopped.run();
    }

    /**
     * The owner lets the pool go: its socket and launcher thread go (a stopped pool's at once, a broken one's when
     * its owner closes it), and a broken pool can no longer be restarted. Only for a pool in a final state.
     */
    void release() {
        synchronized (this) {
            if (!state.isFinal()) {
                throw new IllegalStateException(name + " is " + state + ": stop it before it is released");
            }
            released = true;
        }
        socket.close();
        supervisor.stop();
        launches.shutdown();
    }

    /**
     * A broken pool starts again with fresh workers (as many as its size), for an administrator who removed the
     * cause. Its tasks failed when it broke; it accepts new ones at once.
     *
     * @throws IllegalStateException if the pool is not broken, or its owner has let it go
     */
    @Override
    public void restart() {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            if (state != PoolState.BROKEN) {
                throw new IllegalStateException(state == PoolState.RUNNING
                        ? "cannot restart " + name + ": it is running, not broken; to replace its workers, use"
                                + " recycleWorkers"
                        : stoppedRefusal("restart"));
            }
            if (released) {
                throw new IllegalStateException(stoppedRefusal("restart"));
            }
            state = PoolState.RUNNING;
            brokenReason = null;
            startFailuresInARow = 0;
            actions.addAll(replaceLocked());
        }
        LOG.log(Level.WARNING, "{0}: restarted after it broke, with {1} fresh workers", name, processes);
        actions.forEach(Runnable::run);
    }

    /** Why a broken pool broke; empty unless it is broken. */
    @Override
    public synchronized String brokenReason() {
        return state == PoolState.BROKEN && brokenReason != null ? brokenReason.getMessage() : "";
    }

    /** Waits until the pool is in a final state and every worker process has exited. */
    synchronized void awaitStopped() throws InterruptedException {
        while (!state.isFinal()) {
            wait();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_WAIT_SECONDS);
        while (!alive.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.log(Level.ERROR, "{0}: {1} worker processes did not exit after being killed", name, alive.size());
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized PoolState state() {
        return state;
    }

    synchronized List<Long> workerPids() {
        return connections.stream().map(WorkerConnection::pid).sorted().toList();
    }

    // ---- administration (PoolControl)

    @Override
    public void resize(int newProcesses) {
        if (newProcesses < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 worker process, got " + newProcesses
                    + "; a pool stops when its application is undeployed, not by resizing");
        }
        ProcessCeiling.check("resizing " + name, newProcesses);
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            checkRunningFor("resize");
            processes = newProcesses;
            withdrawSurplusLaunchesLocked();
            // the surplus leaves: idle workers first, then those holding the fewest chunks
            List<WorkerConnection> staying = connections.stream().filter(this::canTakeMore)
                    .sorted(Comparator.comparingInt(worker -> worker.inFlight.size())).toList();
            for (int i = 0; i < staying.size() - newProcesses; i++) {
                actions.addAll(drainLocked(staying.get(i)));
            }
            launchMissingLocked(actions);
            actions.addAll(assignLocked());
        }
        LOG.log(Level.INFO, "{0}: resized to {1} workers", name, newProcesses);
        actions.forEach(Runnable::run);
    }

    @Override
    public void recycleWorkers() {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            checkRunningFor("recycle the workers of");
            for (WorkerConnection worker : List.copyOf(connections)) {
                actions.addAll(drainLocked(worker));
            }
            actions.addAll(replaceLocked());
            actions.addAll(assignLocked());
        }
        LOG.log(Level.INFO, "{0}: recycling its workers", name);
        actions.forEach(Runnable::run);
    }

    private void checkRunningFor(String what) {
        if (state == PoolState.BROKEN) {
            throw new IllegalStateException("cannot " + what + " " + name + ": it is broken (" + brokenReason()
                    + "); restart it first (operation restart)");
        }
        if (state != PoolState.RUNNING) {
            throw new IllegalStateException(stoppedRefusal(what));
        }
    }

    private String stoppedRefusal(String what) {
        return "cannot " + what + " " + name + ": this pool is stopped (" + state + "); it starts again when its"
                + " application is redeployed or its owner is created again";
    }

    @Override
    public String startMethod() {
        return startMethod;
    }

    @Override
    public int processes() {
        return processes;
    }

    @Override
    public int maxTasksPerChild() {
        return maxTasksPerChild;
    }

    @Override
    public synchronized int workersAlive() {
        return connections.size();
    }

    @Override
    public List<WorkerFigures> workers() {
        record Worker(long pid, long connectedNanos, long tasksRun) {
        }
        List<Worker> workers;
        synchronized (this) {
            workers = connections.stream().map(w -> new Worker(w.pid(), w.connectedNanos, w.tasksDone)).toList();
        }
        long now = System.nanoTime();   // /proc is read outside the pool's lock
        return workers.stream().sorted(Comparator.comparingLong(Worker::pid))
                .map(w -> new WorkerFigures(w.pid(), ResidentMemory.ofProcess(w.pid()),
                        TimeUnit.NANOSECONDS.toMillis(now - w.connectedNanos()), w.tasksRun()))
                .toList();
    }

    @Override
    public synchronized long tasksSubmitted() {
        return tasksSubmitted;
    }

    @Override
    public long tasksCompleted() {
        return itemCounts.completed();
    }

    @Override
    public long tasksFailed() {
        return itemCounts.failed();
    }

    @Override
    public synchronized long workerRestarts() {
        return workerRestarts;
    }

    @Override
    public synchronized int queueDepth() {
        int items = 0;
        for (Chunk chunk : queue) {
            items += chunk.size;
        }
        return items;
    }

    @Override
    public String stateName() {
        return state().name();
    }
}
