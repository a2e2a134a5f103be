package dev.processpool.internal.pool;

import dev.processpool.WorkerDiedException;
import dev.processpool.internal.launch.StartedWorker;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How the pool tells of a worker's end: one wording wherever a worker exits, dies or fails to start. */
final class WorkerExits {
    private static final long EXIT_STATUS_WAIT_MILLIS = 1000;
    private static final int SIGKILL_STATUS = 137;

    private WorkerExits() {
    }

    /** The process's exit status, waiting up to a second for it; {@link WorkerDiedException#UNKNOWN_EXIT_STATUS}. */
    static int status(StartedWorker process) {
        try {
            return process.onExit().get(EXIT_STATUS_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WorkerDiedException.UNKNOWN_EXIT_STATUS;
        } catch (ExecutionException | TimeoutException e) {
            return WorkerDiedException.UNKNOWN_EXIT_STATUS;
        }
    }

    /** As in "worker pid 42 <i>was killed (SIGKILL, exit status 137)</i>". */
    static String describe(int status) {
        if (status == WorkerDiedException.UNKNOWN_EXIT_STATUS) {
            return "died (exit status unknown)";
        }
        if (status == SIGKILL_STATUS) {
            return "was killed (SIGKILL, exit status 137)";
        }
        return status > 128 ? "was killed by signal " + (status - 128) + " (exit status " + status + ")"
                : "exited with status " + status;
    }

    /** "worker pid 42 exited with status 3 {@code when}; its JVM said: ..." */
    static String of(StartedWorker process, int status, String when) {
        return "worker pid " + process.pid() + " " + describe(status) + " " + when + output(process.outputTail());
    }

    /** The JVM's last lines, to end a message with; empty if it said nothing. */
    static String output(List<String> tail) {
        return tail.isEmpty() ? "" : "; its JVM said: " + String.join(" | ", tail);
    }
}
