package dev.processpool.internal.launch;

import java.io.IOException;

/** Starts worker processes in the way of one start method. */
public interface WorkerStarter {
    StartedWorker start(WorkerRequest request) throws IOException;
}
