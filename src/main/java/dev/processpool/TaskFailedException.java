package dev.processpool;

/**
 * A task threw in its worker process.
 *
 * <p>{@link #getMessage()} carries the remote message; {@link #remoteClassName()} the class of the remote
 * throwable. The remote stack trace is kept as the {@linkplain #getCause() cause}, as Python keeps a
 * {@code RemoteTraceback}: its frames are the worker's frames, and its own causes follow the remote cause
 * chain.
 */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String remoteClassName;

    /**
     * Made by the pool from what the worker sent back.
     *
     * @param remoteClassName the class of the throwable in the worker
     * @param message the remote message, with what the pool adds (the worker's pid)
     * @param remoteTrace the worker's stack trace and causes, or {@code null}
     */
    public TaskFailedException(String remoteClassName, String message, Throwable remoteTrace) {
        super(message, remoteTrace);
        this.remoteClassName = remoteClassName;
    }

    /** The class of the throwable in the worker, e.g. {@code "java.lang.ArithmeticException"}. */
    public String remoteClassName() {
        return remoteClassName;
    }
}
