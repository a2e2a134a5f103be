package dev.processpool.internal.pool;

import dev.processpool.PoolOptions;
import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.launch.WorkerStarter;
import dev.processpool.internal.threads.Daemons;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The launches of a pool's workers, for its {@link WorkerSupervisor}: those under way (started, not connected yet)
 * and those wanted and not begun, which run one at a time on a thread of their own. Part of a {@link PoolCore}:
 * guarded by its monitor; methods named {@code ...Locked} are called with it held.
 */
final class WorkerLaunches {
    private final PoolCore core;
    private final WorkerSupervisor supervisor;
    private final WorkerLauncher launcher;
    /**
     * Replacement workers are launched here, never on a thread that reads from a worker or a forkserver: a
     * launch may wait for the forkserver's answer, which such a thread delivers.
     */
    private final ExecutorService thread;
    /** Workers launched (or queued to be) that are not connected yet. */
    private int starting;
    /**
     * Launches wanted and not begun yet, counted in {@link #starting}. A smaller size or a stop withdraws them at
     * once ({@link #withdrawSurplusLocked}), so a pool never has more launches waiting than workers it still needs.
     */
    private int queued;
    /** Whether {@link #runQueued} is queued or running on {@link #thread}. */
    private boolean launching;

    WorkerLaunches(PoolCore core, WorkerSupervisor supervisor, WorkerStarter starter, PrivateSocket socket,
            PoolOptions options) {
        this.core = core;
        this.supervisor = supervisor;
        this.launcher = new WorkerLauncher(starter, socket, options, supervisor);
        this.thread = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> Daemons.factory("processpool-" + core.name() + "-launcher").newThread(task));
    }

    /** The pool's first workers, all or none, on the caller's thread. */
    void startAll(int processes) throws IOException {
        synchronized (core) {
            starting += processes;
        }
        launcher.launch(processes);
    }

    StartedWorker claim(String token) {
        return launcher.claim(token);
    }

    int startingLocked() {
        return starting;
    }

    /** A launch ended: its worker connected, or failed to start. */
    void endedLocked() {
        starting--;
    }

    /** Queues {@code missing} launches, adding to {@code actions} what starts them. */
    void queueLocked(int missing, List<Runnable> actions) {
        starting += missing;
        queued += missing;
        if (!launching) {
            launching = true;
            actions.add(this::runQueuedLater);
        }
    }

    /** Withdraws up to {@code surplus} of the queued launches. */
    void withdrawSurplusLocked(int surplus) {
        int withdrawn = Math.min(queued, surplus);
        if (withdrawn > 0) {
            queued -= withdrawn;
            starting -= withdrawn;
        }
    }

    void withdrawAllLocked() {
        starting -= queued;
        queued = 0;
    }

    private void runQueuedLater() {
        try {
            thread.execute(this::runQueued);
        } catch (RejectedExecutionException stopped) {
            List<Runnable> actions;
            synchronized (core) {
                withdrawAllLocked();
                launching = false;
                actions = core.finishIfDoneLocked();
            }
            actions.forEach(Runnable::run);
        }
    }

    /** On the launcher thread: the queued launches, one at a time, each taken only if still wanted then. */
    private void runQueued() {
        while (true) {
            synchronized (core) {
                withdrawSurplusLocked(supervisor.surplusLocked());
                if (queued == 0 || core.stateLocked().isFinal()) {
                    launching = false;
                    return;
                }
                queued--;
            }
            try {
                launcher.launch(1);
            } catch (IOException | RuntimeException e) {
                supervisor.startFailed("cannot start a worker: " + e);
            }
        }
    }

    void killPending() {
        launcher.killPending();
    }

    void shutdown() {
        thread.shutdown();
    }
}
