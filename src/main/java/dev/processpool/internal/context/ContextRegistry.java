package dev.processpool.internal.context;

import dev.processpool.ProcessContext;
import dev.processpool.internal.forkserver.ForkServerClient;
import dev.processpool.internal.forkserver.ForkServerStarter;
import dev.processpool.internal.launch.SpawnStarter;
import dev.processpool.internal.launch.WorkerStarter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The start methods of this JVM, their contexts (one instance each) and the default, which is fixed by its
 * first use as in Python. The system property {@code processpool.startMethod} chooses the initial default.
 */
public final class ContextRegistry {
    public static final ContextRegistry INSTANCE = new ContextRegistry();
    public static final String START_METHOD_PROPERTY = "processpool.startMethod";

    private static final String SPAWN = "spawn";
    private static final String FORKSERVER = "forkserver";
    private static final String FORK = "fork";
    /** Unix domain sockets and a JVM that can start others: where a forkserver can run. */
    private static final boolean FORKSERVER_AVAILABLE = isUnix();

    private final Map<String, ProcessContext> contexts = new ConcurrentHashMap<>();
    private String fixedDefault;

    private ContextRegistry() {
    }

    /** forkserver first (the default) where it can run, as CPython 3.14 on Linux and macOS; else spawn. */
    public List<String> availableMethods() {
        return FORKSERVER_AVAILABLE ? List.of(FORKSERVER, SPAWN) : List.of(SPAWN);
    }

    private static boolean isUnix() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.contains("linux") || os.contains("mac") || os.contains("bsd");
    }

    public synchronized String defaultMethod() {
        if (fixedDefault == null) {
            String configured = System.getProperty(START_METHOD_PROPERTY);
            fixedDefault = configured == null || configured.isBlank() ? availableMethods().get(0) : check(configured);
        }
        return fixedDefault;
    }

    public synchronized void setDefaultMethod(String method, boolean force) {
        if (fixedDefault != null && !force) {
            throw new IllegalStateException("the default start method is already fixed ('" + fixedDefault
                    + "'); call setDefaultStartMethod(method, true) to change it anyway");
        }
        if (method == null && force) {
            fixedDefault = null;
            return;
        }
        fixedDefault = check(method);
    }

    public ProcessContext context(String method) {
        return contexts.computeIfAbsent(check(method), this::newContext);
    }

    /**
     * A context of its own, apart from the one {@link #context} shares: for a forkserver, its own server.
     * Each deployment (each copy of the library) gets its own contexts this way.
     */
    public ProcessContext newContext(String method) {
        return new StartMethodContext(check(method), starter(method));
    }

    /**
     * Stops the servers of the shared contexts (a forkserver and its reserve); workers already handed out stay
     * with their pools, and a later request starts a new server. For the end of an application that
     * loaded this library (an undeployment): nothing it started may outlive it.
     */
    public void stopServers() {
        contexts.values().forEach(context -> {
            if (context instanceof StartMethodContext c && c.starter() instanceof ForkServerStarter forkserver) {
                forkserver.client().close();
            }
        });
    }

    private static WorkerStarter starter(String method) {
        return FORKSERVER.equals(method) ? new ForkServerStarter(new ForkServerClient()) : new SpawnStarter();
    }

    private String check(String method) {
        if (method != null && availableMethods().contains(method)) {
            return method;
        }
        String available = String.join(", ", availableMethods());
        if (FORKSERVER.equals(method)) {
            throw new IllegalArgumentException("'forkserver' is not available here: it needs Unix domain sockets"
                    + " (Linux, macOS); available: " + available);
        }
        if (FORK.equals(method)) {
            throw new IllegalArgumentException("'fork' is not available on the JVM: a running JVM cannot be forked"
                    + " safely (only the forking thread would survive, holding locks of the others); available: "
                    + available);
        }
        throw new IllegalArgumentException("unknown start method '" + method + "'; available: " + available);
    }
}
