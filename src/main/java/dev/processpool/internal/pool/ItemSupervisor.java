package dev.processpool.internal.pool;

import dev.processpool.internal.threads.Daemons;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool's own clock over running items: every {@link #TICK_MILLIS} it has the pool stop workers whose item ran
 * past the time limit and the grace (or which went silent that long: a wedged JVM cannot stop itself), and workers
 * that did not give up a cancelled chunk within the grace. Started with a pool that has a time limit, or at its
 * first cancellation; stopped with the pool.
 */
final class ItemSupervisor {
    static final long TICK_MILLIS = 50;

    private final String threadName;
    private final Runnable check;
    private ScheduledExecutorService clock;
    private boolean stopped;

    ItemSupervisor(String threadName, Runnable check) {
        this.threadName = threadName;
        this.check = check;
    }

    synchronized void ensureStarted() {
        if (clock != null || stopped) {
            return;
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, Daemons.factory(threadName));
        executor.setRemoveOnCancelPolicy(true);
        try {
            executor.scheduleWithFixedDelay(this::checkSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return;
        }
        clock = executor;
    }

    private void checkSafely() {
        try {
            check.run();
        } catch (RuntimeException e) {
            System.getLogger("dev.processpool").log(System.Logger.Level.ERROR, threadName + " failed", e);
        }
    }

    synchronized void stop() {
        stopped = true;
        if (clock != null) {
            clock.shutdownNow();
        }
    }
}
