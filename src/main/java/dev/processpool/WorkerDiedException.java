package dev.processpool;

/**
 * The worker process running a task died before the task finished: it was killed, called
 * {@code System.exit}, halted or crashed. The pool replaces the worker; the other tasks go on.
 */
public class WorkerDiedException extends TaskFailedException {
    private static final long serialVersionUID = 1L;

    /** Exit status when the process is gone but its status could not be read. */
    public static final int UNKNOWN_EXIT_STATUS = -1;

    private final long pid;
    private final int exitStatus;

    /**
     * Made by the pool when a worker's channel closed while it held the task.
     *
     * @param pid the worker's process id
     * @param exitStatus its exit status, or {@link #UNKNOWN_EXIT_STATUS}
     * @param message what happened, with the worker's last output
     */
    public WorkerDiedException(long pid, int exitStatus, String message) {
        super("dev.processpool.WorkerDied", message, null);
        this.pid = pid;
        this.exitStatus = exitStatus;
    }

    /** Process id of the worker that died. */
    public long pid() {
        return pid;
    }

    /** Its exit status (137 for SIGKILL, as a shell reports it), or {@link #UNKNOWN_EXIT_STATUS}. */
    public int exitStatus() {
        return exitStatus;
    }
}
