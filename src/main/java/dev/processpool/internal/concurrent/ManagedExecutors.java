package dev.processpool.internal.concurrent;

import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the managed executor that makes a pool's futures managed. Everything that names a Jakarta Concurrency
 * type is reached only through here, after {@link #API_PRESENT} says the API is on the class path: in plain Java SE
 * it may not be, and pools work without it.
 */
public final class ManagedExecutors {
    /** Where Jakarta EE servers bind the default managed executor. */
    public static final String DEFAULT_JNDI_NAME = "java:comp/DefaultManagedExecutorService";
    /** Whether the Jakarta Concurrency API can be loaded here. */
    public static final boolean API_PRESENT = apiPresent();

    private ManagedExecutors() {
    }

    private static boolean apiPresent() {
        try {
            Class.forName("jakarta.enterprise.concurrent.ManagedExecutorService", false,
                    ManagedExecutors.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The default managed executor from JNDI, if there is one: there is none in plain Java SE, where there is no
     * naming service. Must run on a thread of the application component (java:comp is the caller's).
     */
    public static Optional<Object> defaultFromJndi() {
        if (!API_PRESENT) {
            return Optional.empty();
        }
        try {
            Object found = InitialContext.doLookup(DEFAULT_JNDI_NAME);
            return Optional.ofNullable(found).filter(ManagedExecutors::isManagedExecutor);
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isManagedExecutor(Object candidate) {
        return candidate instanceof jakarta.enterprise.concurrent.ManagedExecutorService;
    }

    /** Futures managed by {@code managedExecutor} (a {@code ManagedExecutorService}) if present, else plain ones. */
    public static OwnerFutures futures(Optional<Object> managedExecutor) {
        if (managedExecutor.isPresent() && API_PRESENT && isManagedExecutor(managedExecutor.get())) {
            return new ManagedOwnerFutures((jakarta.enterprise.concurrent.ManagedExecutorService) managedExecutor.get());
        }
        return OwnerFutures.plain();
    }
}
