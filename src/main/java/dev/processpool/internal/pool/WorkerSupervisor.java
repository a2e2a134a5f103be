package dev.processpool.internal.pool;

import dev.processpool.PoolOptions;
import dev.processpool.TaskFailedException;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.launch.WorkerStarter;
import dev.processpool.internal.threads.Timers;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A pool's worker processes: those alive and starting, their start (and the streak of failed ones), the
 * replacement of those that exit, die or reach {@code maxTasksPerChild}, and the draining and retiring of those to
 * let go; the only changer of a {@link WorkerState}. Part of a {@link PoolCore}: its fields are guarded by the
 * pool's monitor; methods named {@code ...Locked} are called with it held, the others take it.
 */
final class WorkerSupervisor implements WorkerLauncher.Events {
    private static final System.Logger LOG = System.getLogger("dev.processpool");
    /** Workers that fail to start in a row before the pool gives up, instead of restarting them forever. */
    private static final int MAX_START_FAILURES = 3;
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final PoolCore core;
    private final Dispatcher dispatcher;
    private final int maxTasksPerChild;
    private final long maxMemoryPerChild;
    private final WorkerLaunches launches;

    /** Connected workers that are not retiring, in the order they connected. */
    private final Set<Worker> connected = new LinkedHashSet<>();
    /** Every process started and not yet exited. */
    private final Set<StartedWorker> alive = new HashSet<>();
    private int startFailuresInARow;
    private long workerRestarts;
    private long workersRecycledForMemory;

    WorkerSupervisor(PoolCore core, Dispatcher dispatcher, WorkerStarter starter, PrivateSocket socket,
            PoolOptions options) {
        this.core = core;
        this.dispatcher = dispatcher;
        this.maxTasksPerChild = options.maxTasksPerChild();
        this.maxMemoryPerChild = options.maxMemoryPerChild();
        this.launches = new WorkerLaunches(core, this, starter, socket, options);
    }

    /** Starts the pool's first workers, all or none. */
    void startAll(int processes) throws IOException {
        launches.startAll(processes);
    }

    StartedWorker claim(String token) {
        return launches.claim(token);
    }

    Set<Worker> connectedLocked() {
        return connected;
    }

    /** A draining worker takes none; one with a task limit no more chunks than it may still run. */
    boolean canTakeMore(Worker worker) {
        return !worker.state().draining() && worker.state() != WorkerState.RETIRING
                && (maxTasksPerChild == 0 || worker.tasksDone + worker.inFlight.size() < maxTasksPerChild);
    }

    // ---- events from the launcher and the workers

    @Override
    public void launched(StartedWorker worker) {
        boolean unwanted;
        synchronized (core) {
            unwanted = core.stateLocked().isFinal();
            alive.add(worker);
        }
        worker.onExit().whenComplete((status, error) -> processExited(worker));
        if (unwanted) {
            worker.kill();
        }
    }

    @Override
    public void accepted(FrameChannel channel) {
        new WorkerConnection(channel, core).startReading();
    }

    @Override
    public void startFailed(String reason) {
        List<Runnable> actions;
        synchronized (core) {
            launches.endedLocked();
            actions = startFailedLocked(reason);
        }
        actions.forEach(Runnable::run);
    }

    private List<Runnable> startFailedLocked(String reason) {
        PoolState state = core.stateLocked();
        if (state.isFinal() || state == PoolState.CLOSING && dispatcher.queueEmptyLocked()) {
            return core.finishIfDoneLocked();
        }
        LOG.log(Level.WARNING, "{0}: {1}", core.name(), reason);
        if (++startFailuresInARow >= MAX_START_FAILURES) {
            return core.breakLocked(new TaskFailedException("dev.processpool.WorkerStartFailed",
                    MAX_START_FAILURES + " workers in a row failed to start; last: " + reason
                            + "; check the pool's jvmOptions and javaExecutable", null));
        }
        return replaceLocked();
    }

    /**
     * The worker said HELLO and was sent START: it takes tasks from now on. They wait in its channel behind
     * START, so its first task does not wait for a round trip; until READY its start may still fail.
     */
    void connected(Worker worker) {
        List<Runnable> actions = new ArrayList<>();
        synchronized (core) {
            launches.endedLocked();
            PoolState state = core.stateLocked();
            if (state.isFinal()) {
                actions.add(worker.connection::close);
            } else if (state == PoolState.RUNNING && stayingLocked() >= core.processes()) {
                actions.addAll(retireLocked(worker));   // started before the pool was made smaller
            } else {
                worker.connectedNanos = System.nanoTime();
                connected.add(worker);
                actions.addAll(dispatcher.assignLocked());   // or steals, for a worker that joins late
                actions.addAll(core.finishIfDoneLocked());
            }
        }
        actions.forEach(Runnable::run);
    }

    /** The worker ran its initializer: its start succeeded. */
    void ready(Worker worker) {
        synchronized (core) {
            worker.state(worker.state().toReady());
            worker.item.lastHeard = System.nanoTime();
            startFailuresInARow = 0;
        }
    }

    void initializerFailed(Worker worker, RemoteFailure failure) {
        List<Runnable> actions;
        synchronized (core) {
            worker.state(WorkerState.RETIRING);
            actions = core.stateLocked().isFinal() ? List.of() : core.breakLocked(failure.toException(
                    "in the initializer of worker pid " + worker.pid() + "; the pool is stopped"));
        }
        actions.forEach(Runnable::run);
    }

    /** @param leaving the worker exits after this chunk (an error of its JVM): it gets no more work */
    void chunkFinished(Worker worker, long chunkId, byte[] results, List<ItemFailure> failures, boolean leaving) {
        Chunk chunk;
        synchronized (core) {
            chunk = worker.inFlight.peekFirst();
        }
        if (chunk == null || chunk.id != chunkId) {
            LOG.log(Level.ERROR, "{0}: worker {1} answered chunk {2} it was not given; dropping it",
                    core.name(), Long.toString(worker.pid()), Long.toString(chunkId));
            worker.connection.close();
            return;
        }
        boolean tooLarge = maxMemoryPerChild > 0 && tooLarge(worker);
        // Complete before the worker is released, so that a close() that is waiting returns only after this.
        chunk.complete(results, failures, core.items().origin(worker));
        List<Runnable> actions = new ArrayList<>();
        synchronized (core) {
            dispatcher.chunkDoneLocked(worker);
            if (core.stateLocked().isFinal()) {
                return;
            }
            if (leaving || maxTasksPerChild > 0 && worker.tasksDone >= maxTasksPerChild
                    || worker.state().draining() && worker.inFlight.isEmpty()) {
                dispatcher.requeueLocked(worker);
                actions.addAll(retireLocked(worker));
                actions.addAll(replaceLocked());
            } else if (tooLarge) {
                // draining: the chunks it holds are in its channel already, it runs them and then leaves
                actions.addAll(replaceLocked());
            }
            actions.addAll(dispatcher.assignLocked());
            actions.addAll(core.finishIfDoneLocked());
        }
        actions.forEach(Runnable::run);
    }

    /**
     * Whether the worker holds more than maxMemoryPerChild; if so it is draining from now on (takes no more chunks).
     * Decided before its chunk completes, so that the caller's next task does not go to it, and counted.
     */
    private boolean tooLarge(Worker worker) {
        long resident = ResidentMemory.of(worker.pid());
        if (resident <= maxMemoryPerChild) {
            return false;
        }
        synchronized (core) {
            WorkerState state = worker.state();
            if (state.draining() || state == WorkerState.RETIRING || core.stateLocked().isFinal()) {
                return false;   // leaving anyway
            }
            worker.state(state.toDraining());
            workersRecycledForMemory++;
        }
        LOG.log(Level.INFO, "{0}: worker pid {1} holds {2} bytes, more than maxMemoryPerChild ({3}); replacing it",
                core.name(), Long.toString(worker.pid()), resident, maxMemoryPerChild);
        return true;
    }

    /** The worker said HELLO and was gone before it could be sent START: a start that failed. */
    void lostBeforeStart(WorkerConnection connection) {
        StartedWorker process = connection.process();
        startFailed(WorkerExits.of(process, WorkerExits.status(process), "before it was started"));
    }

    /**
     * The worker's channel closed: it exited, was told to, or died. Only the item it was running fails (if it told
     * of it; else the items of the chunk it had not told of); the rest of that chunk and the chunks waiting behind
     * it go back to the head of the queue, as does the first one of a worker that died starting or was leaving.
     */
    void connectionLost(Worker worker) {
        Chunk running;
        int runningIndex;
        RunningItem.Stop stop;
        synchronized (core) {
            WorkerState state = worker.state();
            running = state.ready() && state != WorkerState.RETIRING ? worker.inFlight.peekFirst() : null;
            runningIndex = worker.item.index(running);
            stop = worker.item.stop;
        }
        // A worker the pool stopped itself was killed: its item's error says why, without waiting for the status.
        int status = stop == RunningItem.Stop.NONE ? WorkerExits.status(worker.process()) : 137;
        boolean rest = false;
        if (running != null) {
            RuntimeException error = core.items().stoppedItemError(worker, stop, status);
            rest = !running.withdrawn() && running.workerLost(runningIndex, error);
        }
        List<Runnable> actions = new ArrayList<>();
        synchronized (core) {
            if (running != null) {
                dispatcher.runningLostLocked(worker);
            }
            dispatcher.requeueLocked(worker);
            if (rest) {
                dispatcher.putBackLocked(running);   // its items not started, before the chunks that waited behind it
            }
            connected.remove(worker);
            actions.addAll(lostLocked(worker, stop, status));
            actions.addAll(dispatcher.assignLocked());
            actions.addAll(core.finishIfDoneLocked());
        }
        actions.forEach(Runnable::run);
    }

    /** A failed start if it was not ready; else a death to replace it after, unless it was told to go. */
    private List<Runnable> lostLocked(Worker worker, RunningItem.Stop stop, int status) {
        WorkerState state = worker.state();
        if (!state.ready() && state != WorkerState.RETIRING) {
            return startFailedLocked(WorkerExits.of(worker.process(), status, "before it was ready"));
        }
        if (state == WorkerState.RETIRING || core.stateLocked().isFinal()) {
            return List.of();
        }
        if (stop == RunningItem.Stop.NONE) {
            LOG.log(Level.WARNING, "{0}: worker pid {1} {2}; replacing it", core.name(), Long.toString(worker.pid()),
                    WorkerExits.describe(status));
        }
        return replaceLocked();
    }

    void processExited(StartedWorker worker) {
        List<Runnable> actions;
        synchronized (core) {
            alive.remove(worker);
            actions = core.finishIfDoneLocked();
            core.notifyAll();
        }
        actions.forEach(Runnable::run);
    }

    // ---- starting, replacing and retiring workers

    /** A worker was given its last chunk: its successor starts now, not once that chunk is done. */
    List<Runnable> lastChunkGivenLocked(Worker worker) {
        // and a chunk it gives back does not make it stay beside its successor
        worker.state(worker.state().toDraining());
        return replaceLocked();
    }

    /** Starts workers for those that exited or are leaving; they count as restarts. */
    List<Runnable> replaceLocked() {
        List<Runnable> actions = new ArrayList<>();
        workerRestarts += launchMissingLocked(actions);
        return actions;
    }

    /** Workers that stay: a worker given its last chunk (maxTasksPerChild) or draining is being replaced. */
    private int stayingLocked() {
        return (int) connected.stream().filter(this::canTakeMore).count();
    }

    /** Workers the pool needs now: its size while running, no more than its queue needs while closing. */
    private int wantedLocked() {
        PoolState state = core.stateLocked();
        return state == PoolState.RUNNING ? core.processes()
                : state == PoolState.CLOSING ? Math.min(dispatcher.queuedChunksLocked(), core.processes()) : 0;
    }

    /** Queues the launches of the workers missing, adding to {@code actions} what starts them; returns how many. */
    int launchMissingLocked(List<Runnable> actions) {
        int missing = wantedLocked() - stayingLocked() - launches.startingLocked();
        if (missing <= 0) {
            return 0;
        }
        launches.queueLocked(missing, actions);
        return missing;
    }

    /** Workers staying or starting beyond those the pool needs now (it was made smaller, or is stopping). */
    int surplusLocked() {
        return stayingLocked() + launches.startingLocked() - wantedLocked();
    }

    /** The worker takes no more chunks and leaves once those it holds are done. */
    List<Runnable> drainLocked(Worker worker) {
        worker.state(worker.state().toDraining());
        return worker.inFlight.isEmpty() ? retireLocked(worker) : List.of();
    }

    /** A draining worker that holds no chunk any more leaves. */
    List<Runnable> retireIfDrainedLocked(Worker worker) {
        return worker.state().draining() && worker.inFlight.isEmpty() ? retireLocked(worker) : List.of();
    }

    private List<Runnable> retireLocked(Worker worker) {
        worker.state(WorkerState.RETIRING);
        connected.remove(worker);
        StartedWorker process = worker.process();
        String poolName = core.name();   // the timer must not hold the pool: a closed pool is collected at once
        return List.of(worker.connection::shutdown, () -> {
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

    // ---- the pool's life cycle and administration

    /** A closing pool without work: every worker is told to exit. Whether none is left, alive or starting. */
    boolean retireAllLocked(List<Runnable> actions) {
        launches.withdrawSurplusLocked(surplusLocked());
        for (Worker worker : List.copyOf(connected)) {
            actions.addAll(retireLocked(worker));
        }
        if (launches.startingLocked() > 0) {
            actions.add(launches::killPending);
        }
        return alive.isEmpty() && launches.startingLocked() <= 0;
    }

    /** The pool stops now: the workers it has, to be killed and closed once the lock is released. */
    Stopping stopLocked() {
        launches.withdrawAllLocked();
        List<Worker> workers = List.copyOf(connected);
        connected.clear();
        return new Stopping(workers, List.copyOf(alive));
    }

    /** What {@link #stopLocked()} leaves to do: kill the processes, close the channels. */
    record Stopping(List<Worker> workers, List<StartedWorker> processes) {
    }

    void kill(Stopping stopping) {
        stopping.processes().forEach(StartedWorker::kill);
        launches.killPending();
        stopping.workers().forEach(worker -> worker.connection.close());
    }

    void shutdownLauncher() {
        launches.shutdown();
    }

    /** A broken pool starts again: its start failures are forgotten, and it launches its workers. */
    List<Runnable> restartLocked() {
        startFailuresInARow = 0;
        return replaceLocked();
    }

    /** The surplus leaves: idle workers first, then those holding the fewest chunks. */
    List<Runnable> resizeLocked(int processes) {
        List<Runnable> actions = new ArrayList<>();
        launches.withdrawSurplusLocked(surplusLocked());
        List<Worker> staying = connected.stream().filter(this::canTakeMore)
                .sorted(Comparator.comparingInt(worker -> worker.inFlight.size())).toList();
        for (int i = 0; i < staying.size() - processes; i++) {
            actions.addAll(drainLocked(staying.get(i)));
        }
        launchMissingLocked(actions);
        return actions;
    }

    List<Runnable> recycleLocked() {
        List<Runnable> actions = new ArrayList<>();
        for (Worker worker : List.copyOf(connected)) {
            actions.addAll(drainLocked(worker));
        }
        actions.addAll(replaceLocked());
        return actions;
    }

    boolean noneAliveLocked() {
        return alive.isEmpty();
    }

    int aliveLocked() {
        return alive.size();
    }

    List<Long> pidsLocked() {
        return connected.stream().map(Worker::pid).sorted().toList();
    }

    long workerRestartsLocked() {
        return workerRestarts;
    }

    long workersRecycledForMemoryLocked() {
        return workersRecycledForMemory;
    }
}
