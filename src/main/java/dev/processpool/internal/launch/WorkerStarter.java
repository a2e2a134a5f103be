package dev.processpool.internal.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Starts worker processes in the way of one start method. */
public interface WorkerStarter {
    StartedWorker start(WorkerRequest request) throws IOException;

    /** Called as a pool starts to be made, before its own preparations: a starter may begin its own here. */
    default void prepare() {
    }

    /**
     * Starts several workers, all or none: if one cannot be started, those already started are killed and the
     * failure is thrown. A starter that can overlap the starts (a forkserver's round trips) overrides this.
     */
    default List<StartedWorker> startAll(List<WorkerRequest> requests) throws IOException {
        List<StartedWorker> started = new ArrayList<>();
        try {
            for (WorkerRequest request : requests) {
                started.add(start(request));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(StartedWorker::kill);
            throw e;
        }
        return started;
    }
}
