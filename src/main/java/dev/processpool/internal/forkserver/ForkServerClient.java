package dev.processpool.internal.forkserver;

import java.io.IOException;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.launch.WorkerRequest;
import dev.processpool.internal.worker.WarmUpHints;
import java.util.List;

/**
 * A context's forkserver, started lazily by its first request and started again, transparently, by the first
 * request after it died.
 */
public final class ForkServerClient {
    private ForkServerConnection connection;

    synchronized ForkServerConnection connection() throws IOException {
        if (connection == null || !connection.isAlive()) {
            connection = ForkServerConnection.start();
        }
        return connection;
    }

    List<StartedWorker> spawn(String recipe, int reserveSize, WarmUpHints hints, List<WorkerRequest> requests)
            throws IOException {
        return connection().spawn(recipe, reserveSize, hints, requests);
    }

    /**
     * Stops the server and its reserve; workers it handed out stay with their pools. A later request starts a
     * new server.
     */
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Where the running server listens, or null if none runs (for tests and administration). */
    public synchronized java.nio.file.Path socketPath() {
        return connection != null && connection.isAlive() ? connection.socket() : null;
    }

    /** The pid of the running server, or -1 if none runs (for tests and administration). */
    public synchronized long serverPid() {
        return connection != null && connection.isAlive() ? connection.serverPid() : -1;
    }
}
