package dev.processpool.internal.forkserver;

import java.io.IOException;
import java.nio.file.Path;

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

    ForkedWorker spawn(WorkerRecipe recipe, Path poolSocket, String token) throws IOException {
        return connection().spawn(recipe, poolSocket, token);
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

    /** The pid of the running server, or -1 if none runs (for tests and administration). */
    public synchronized long serverPid() {
        return connection != null && connection.isAlive() ? connection.serverPid() : -1;
    }
}
