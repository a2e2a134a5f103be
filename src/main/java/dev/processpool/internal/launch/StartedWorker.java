package dev.processpool.internal.launch;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A worker process as its starter sees it. */
public interface StartedWorker {
    long pid();

    /** Completes with the exit status when the process has exited. */
    CompletableFuture<Integer> onExit();

    /** Ends the process now (SIGKILL). */
    void kill();

    /** The last lines the JVM itself wrote to its standard streams (start-up errors, crash reports). */
    List<String> outputTail();
}
