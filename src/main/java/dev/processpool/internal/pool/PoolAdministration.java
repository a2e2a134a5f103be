package dev.processpool.internal.pool;

import dev.processpool.internal.config.OptionRules;
import dev.processpool.internal.management.PoolControl;
import dev.processpool.internal.management.ResidentMemory;
import dev.processpool.internal.management.WorkerFigures;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What administrators see of a pool and do to it while it runs: its figures, resize, recycle and restart. A
 * worker to let go drains: it takes no more chunks and leaves once those it holds are done, so no chunk is lost
 * or run twice. Takes the {@link PoolCore}'s monitor, as its parts do.
 */
final class PoolAdministration implements PoolControl {
    private static final System.Logger LOG = System.getLogger("dev.processpool");

    private final PoolCore core;
    private final Dispatcher dispatcher;
    private final WorkerSupervisor workers;
    private final RunningItems items;
    private final ItemCounts itemCounts;
    private final int maxTasksPerChild;

    PoolAdministration(PoolCore core, Dispatcher dispatcher, WorkerSupervisor workers, RunningItems items,
            ItemCounts itemCounts, int maxTasksPerChild) {
        this.core = core;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.items = items;
        this.itemCounts = itemCounts;
        this.maxTasksPerChild = maxTasksPerChild;
    }

    @Override
    public void resize(int newProcesses) {
        OptionRules.require(OptionRules.resize("resizing " + core.name(), newProcesses));
        List<Runnable> actions = new ArrayList<>();
        synchronized (core) {
            core.checkRunningForLocked("resize");
            core.processesLocked(newProcesses);
            actions.addAll(workers.resizeLocked(newProcesses));
            actions.addAll(dispatcher.assignLocked());
        }
        LOG.log(Level.INFO, "{0}: resized to {1} workers", core.name(), newProcesses);
        actions.forEach(Runnable::run);
    }

    @Override
    public void recycleWorkers() {
        List<Runnable> actions = new ArrayList<>();
        synchronized (core) {
            core.checkRunningForLocked("recycle the workers of");
            actions.addAll(workers.recycleLocked());
            actions.addAll(dispatcher.assignLocked());
        }
        LOG.log(Level.INFO, "{0}: recycling its workers", core.name());
        actions.forEach(Runnable::run);
    }

    @Override
    public void restart() {
        core.restart();
    }

    @Override
    public String brokenReason() {
        return core.brokenReason();
    }

    @Override
    public String startMethod() {
        return core.startMethod();
    }

    @Override
    public int processes() {
        return core.processes();
    }

    @Override
    public int maxTasksPerChild() {
        return maxTasksPerChild;
    }

    @Override
    public int workersAlive() {
        synchronized (core) {
            return workers.connectedLocked().size();
        }
    }

    @Override
    public List<WorkerFigures> workers() {
        record Figures(long pid, long connectedNanos, long tasksRun) {
        }
        List<Figures> connected;
        synchronized (core) {
            connected = workers.connectedLocked().stream()
                    .map(w -> new Figures(w.pid(), w.connectedNanos, w.tasksDone)).toList();
        }
        long now = System.nanoTime();   // /proc is read outside the pool's lock
        return connected.stream().sorted(Comparator.comparingLong(Figures::pid))
                .map(w -> new WorkerFigures(w.pid(), ResidentMemory.ofProcess(w.pid()),
                        TimeUnit.NANOSECONDS.toMillis(now - w.connectedNanos()), w.tasksRun()))
                .toList();
    }

    @Override
    public long tasksSubmitted() {
        synchronized (core) {
            return dispatcher.tasksSubmittedLocked();
        }
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
    public long workerRestarts() {
        synchronized (core) {
            return workers.workerRestartsLocked();
        }
    }

    @Override
    public int queueDepth() {
        synchronized (core) {
            return dispatcher.queueDepthLocked();
        }
    }

    @Override
    public long tasksTimedOut() {
        synchronized (core) {
            return items.tasksTimedOutLocked();
        }
    }

    @Override
    public long tasksCancelled() {
        return itemCounts.cancelled();
    }

    @Override
    public long workersRecycledForMemory() {
        synchronized (core) {
            return workers.workersRecycledForMemoryLocked();
        }
    }

    @Override
    public long longestRunningTaskMillis() {
        synchronized (core) {
            return items.longestRunningMillisLocked();
        }
    }

    @Override
    public String stateName() {
        return core.state().name();
    }
}
