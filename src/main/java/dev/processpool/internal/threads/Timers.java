package dev.processpool.internal.threads;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The library's delayed actions (a worker's connect timeout, a leaving worker's grace), on one daemon thread that
 * ends when none is pending, instead of the JDK's shared delay thread, which lives forever with the context class
 * loader of whoever started it. Cancel what is no longer needed: a pending action keeps what it refers to.
 */
public final class Timers {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1,
            Daemons.factory("processpool-timer"));

    static {
        TIMER.setKeepAliveTime(1, TimeUnit.SECONDS);
        TIMER.allowCoreThreadTimeOut(true);
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private Timers() {
    }

    /** Runs {@code action} once after {@code delay}; cancel the result when it is no longer needed. */
    public static ScheduledFuture<?> after(long delay, TimeUnit unit, Runnable action) {
        return TIMER.schedule(action, delay, unit);
    }
}
