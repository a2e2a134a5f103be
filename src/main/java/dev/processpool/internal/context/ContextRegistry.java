package dev.processpool.internal.context;

import dev.processpool.ProcessContext;
import dev.processpool.internal.launch.SpawnStarter;
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
    private static final String FORK = "fork";

    private final Map<String, ProcessContext> contexts = new ConcurrentHashMap<>();
    private String fixedDefault;

    private ContextRegistry() {
    }

    public List<String> availableMethods() {
        return List.of(SPAWN);
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
        return contexts.computeIfAbsent(check(method), m -> new StartMethodContext(m, new SpawnStarter()));
    }

    private String check(String method) {
        if (method != null && availableMethods().contains(method)) {
            return method;
        }
        String available = String.join(", ", availableMethods());
        if (FORK.equals(method)) {
            throw new IllegalArgumentException("'fork' is not available on the JVM: a running JVM cannot be forked"
                    + " safely (only the forking thread would survive, holding locks of the others); available: "
                    + available);
        }
        throw new IllegalArgumentException("unknown start method '" + method + "'; available: " + available);
    }
}
