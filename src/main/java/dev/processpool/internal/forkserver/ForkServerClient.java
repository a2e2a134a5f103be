package dev.processpool.internal.forkserver;

import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.launch.WorkerRequest;
import dev.processpool.internal.threads.Daemons;
import dev.processpool.internal.workerjvm.WarmUpHints;
import java.io.IOException;
import java.util.List;

/**
 * A context's forkserver, started lazily by its first request and started again, transparently, by the first
 * request after it died.
 */
public final class ForkServerClient {
    private static final System.Logger LOG = System.getLogger("dev.processpool.forkserver");
    private ForkServerConnection connection;
    private boolean startingInBackground;
    private int closes;

    /**
     * Starts the server on a thread of its own if none runs, so that a first pool's own preparations in this JVM
     * go on while the server JVM starts; the pool's first request then waits for it. A server that fails to
     * start here is started again, and its failure reported, by that request.
     */
    public void startInBackground() {
        int closesSeen;
        synchronized (this) {
            if (startingInBackground || connection != null && connection.isAlive()) {
                return;
            }
            startingInBackground = true;
            closesSeen = closes;
        }
        Daemons.start("processpool-forkserver-start", () -> {
            try {
                synchronized (this) {
                    if (closes == closesSeen) {   // not closed meanwhile: a closed client starts no server
                        connection();
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "the forkserver did not start ahead: {0}", e.toString());
            } finally {
                synchronized (this) {
                    startingInBackground = false;
                }
            }
        });
    }

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
        closes++;
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
