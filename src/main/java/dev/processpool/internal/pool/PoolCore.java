package dev.processpool.internal.pool;

import dev.processpool.PoolOptions;
import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.launch.WorkerStarter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * The engine of one pool: its life cycle, and the parts that do the work. Knows nothing of CDI or JMX.
 *
 * <p>Run states ({@link PoolState}):
 * <pre>
 * RUNNING ──close()──▶ CLOSING ──all accepted tasks done, workers exited──▶ CLOSED
 * RUNNING, CLOSING ──terminate()──▶ TERMINATED
 * RUNNING, CLOSING ──initializer failed, or 3 workers in a row failed to start──▶ BROKEN ──restart()──▶ RUNNING
 * </pre>
 * Only RUNNING accepts tasks; CLOSED, TERMINATED and BROKEN are final (a broken pool until an administrator
 * restarts it, which its owner can prevent by letting it go: {@link #release()}).
 *
 * <p>Parts: the {@link Dispatcher} (the queue of chunks, which worker runs which, stealing), the
 * {@link WorkerSupervisor} (worker processes: starting, replacing, draining, retiring; the only changer of a
 * {@link WorkerState}), {@link RunningItems} (progress, time limits, cancellation) and
 * {@link PoolAdministration} (figures, resize, recycle, restart).
 *
 * <p>Locking, one rule: this object's monitor guards every field of the pool's engine, this class's and its parts'
 * and each {@link Worker}'s. Methods named {@code ...Locked} are called with it held; nothing slow happens under
 * it: they return the actions (send a frame, start or kill a process, complete a chunk) that their caller runs
 * once it has released the lock.
 */
final class PoolCore {
    private static final System.Logger LOG = System.getLogger("dev.processpool");
    private static final long KILL_WAIT_SECONDS = 10;

    private final String startMethod;
    /** Set before the workers start: the name the pool got registered under, and its start method. */
    private volatile String name;
    /** Written under the lock (resize); read without it by callers sizing their chunks. */
    private volatile int processes;
    private final String initializerCode;
    private final String parentClassPath = System.getProperty("java.class.path", "");
    private final PrivateSocket socket;
    private final ItemCounts itemCounts = new ItemCounts();
    private final Dispatcher dispatcher;
    private final WorkerSupervisor workers;
    private final RunningItems items;
    private final PoolAdministration administration;
    /** Run once the pool has reached a final state. */
    private volatile Runnable whenStopped = () -> { };

    private PoolState state = PoolState.RUNNING;
    private RuntimeException brokenReason;
    /** Its owner let it go (closed, terminated, collected): a broken pool can no longer be restarted. */
    private boolean released;

    PoolCore(String startMethod, WorkerStarter starter, PoolOptions options, String initializerCode)
            throws IOException {
        this.startMethod = startMethod;
        this.name = "pool (" + startMethod + ")";
        this.processes = options.processes();
        this.initializerCode = initializerCode;
        this.socket = PrivateSocket.open("pool.sock");
        this.dispatcher = new Dispatcher(this, itemCounts);
        this.workers = new WorkerSupervisor(this, dispatcher, starter, socket, options);
        this.dispatcher.workers(workers);
        this.items = new RunningItems(this, dispatcher, workers, options.taskTimeout().orElse(null));
        this.administration = new PoolAdministration(this, dispatcher, workers, items, itemCounts,
                options.maxTasksPerChild());
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
        items.startClockIfLimited();
        try {
            workers.startAll(processes);
        } catch (IOException | RuntimeException e) {
            terminate();
            throw e;
        }
    }

    String name() {
        return name;
    }

    String startMethod() {
        return startMethod;
    }

    int processes() {
        return processes;
    }

    /** For {@link PoolAdministration#resize}, under the lock. */
    void processesLocked(int newProcesses) {
        processes = newProcesses;
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

    WorkerSupervisor workers() {
        return workers;
    }

    RunningItems items() {
        return items;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Its figures and live operations, for administration. */
    PoolAdministration administration() {
        return administration;
    }

    // ---- submitting

    void submit(List<Chunk> chunks) {
        List<Runnable> actions;
        synchronized (this) {
            checkRunning();
            dispatcher.queueLocked(chunks);
            actions = dispatcher.assignLocked();
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

    /** See {@link RunningItems#withdraw}. */
    void withdraw(List<Chunk> chunks) {
        items.withdraw(chunks);
    }

    // ---- closing, terminating, breaking

    /** When closing and no task is left: tells every worker to exit; when all have, the pool is CLOSED. */
    List<Runnable> finishIfDoneLocked() {
        if (state != PoolState.CLOSING || !dispatcher.idleLocked()) {
            return List.of();
        }
        List<Runnable> actions = new ArrayList<>();
        if (workers.retireAllLocked(actions)) {
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
                    abandoned = dispatcher.tasksSubmittedLocked() - itemCounts.completed() - itemCounts.failed()
                            - itemCounts.cancelled();
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        terminate();
        awaitStopped();
        return Math.max(0, abandoned);
    }

    List<Runnable> breakLocked(RuntimeException reason) {
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
        List<Chunk> unfinished;
        WorkerSupervisor.Stopping stopping;
        synchronized (this) {
            if (state.isFinal()) {
                return;
            }
            state = finalState;
            stopping = workers.stopLocked();
            unfinished = dispatcher.takeUnfinishedLocked(stopping.workers());
            notifyAll();
        }
        // Fail the chunks first: the workers' deaths must not be what their callers see.
        unfinished.forEach(chunk -> chunk.fail(reason));
        workers.kill(stopping);
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
        items.stopClock();   // a broken pool keeps enforcing time limits until released (restart)
        workers.shutdownLauncher();
    }

    /**
     * A broken pool starts again with fresh workers (as many as its size), for an administrator who removed the
     * cause. Its tasks failed when it broke; it accepts new ones at once.
     *
     * @throws IllegalStateException if the pool is not broken, or its owner has let it go
     */
    void restart() {
        List<Runnable> actions;
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
            actions = workers.restartLocked();
        }
        LOG.log(Level.WARNING, "{0}: restarted after it broke, with {1} fresh workers", name, processes);
        actions.forEach(Runnable::run);
    }

    /** Why a broken pool broke; empty unless it is broken. */
    synchronized String brokenReason() {
        return state == PoolState.BROKEN && brokenReason != null ? brokenReason.getMessage() : "";
    }

    /** Waits until the pool is in a final state and every worker process has exited. */
    synchronized void awaitStopped() throws InterruptedException {
        while (!state.isFinal()) {
            wait();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_WAIT_SECONDS);
        while (!workers.noneAliveLocked()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.log(Level.ERROR, "{0}: {1} worker processes did not exit after being killed", name,
                        workers.aliveLocked());
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized PoolState state() {
        return state;
    }

    PoolState stateLocked() {
        return state;
    }

    synchronized List<Long> workerPids() {
        return workers.pidsLocked();
    }

    /** Refuses an administrator's operation on a pool that is not running, saying why and what to do. */
    void checkRunningForLocked(String what) {
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
}
