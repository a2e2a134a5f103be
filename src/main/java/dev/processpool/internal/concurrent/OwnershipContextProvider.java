package dev.processpool.internal.concurrent;

import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.Map;

/**
 * Pool ownership as a Jakarta Concurrency thread context: a managed executor that propagates it runs a task with
 * the owners that were executing where the task was submitted, so a task a pool's owner hands to a managed
 * executor may use the pool. Registered in {@code META-INF/services/jakarta.enterprise.concurrent.spi.ThreadContextProvider}.
 */
public final class OwnershipContextProvider implements ThreadContextProvider {
    /** The context type, for {@code ContextServiceDefinition} {@code propagated}/{@code cleared}/{@code unchanged}. */
    public static final String CONTEXT_TYPE = "ProcessPoolOwnership";

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> executionProperties) {
        return new OwnershipSnapshot(ExecutingOwners.current());
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> executionProperties) {
        return new OwnershipSnapshot(null);
    }

    @Override
    public String getThreadContextType() {
        return CONTEXT_TYPE;
    }
}
