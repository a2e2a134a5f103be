package dev.processpool;

import java.time.Duration;

/**
 * An item ran past its pool's {@linkplain PoolOptions#taskTimeout() task timeout}. Its thread was interrupted at the
 * limit; if it did not return within a short grace, its worker was stopped and replaced. The pool goes on.
 */
public class TaskTimeoutException extends TaskFailedException {
    private static final long serialVersionUID = 1L;

    private final Duration limit;
    private final long pid;

    /**
     * Made by the pool when an item ran past its time limit.
     *
     * @param limit the pool's task timeout
     * @param pid the worker that ran the item
     * @param message what happened, and what became of the worker
     */
    public TaskTimeoutException(Duration limit, long pid, String message) {
        super(TaskTimeoutException.class.getName(), message, null);
        this.limit = limit;
        this.pid = pid;
    }

    /** The pool's task timeout, which the item ran past. */
    public Duration limit() {
        return limit;
    }

    /** Process id of the worker that ran the item. */
    public long pid() {
        return pid;
    }
}
