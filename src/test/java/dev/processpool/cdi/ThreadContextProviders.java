package dev.processpool.cdi;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.glassfish.enterprise.concurrent.spi.ContextHandle;
import org.glassfish.enterprise.concurrent.spi.ContextSetupProvider;

/**
 * The glue an application server puts between GlassFish's Concurrency implementation and the
 * {@link ThreadContextProvider}s of its applications: capture every provider's context where a task is submitted,
 * begin it where the task runs, end it after. (GlassFish and WildFly have their own; plain Java SE has none.)
 */
final class ThreadContextProviders implements ContextSetupProvider {
    private static final long serialVersionUID = 1L;

    private record Captured(List<ThreadContextSnapshot> snapshots) implements ContextHandle {
    }

    private record Begun(List<ThreadContextRestorer> restorers) implements ContextHandle {
    }

    @Override
    public ContextHandle saveContext(ContextService contextService) {
        return saveContext(contextService, Map.of());
    }

    @Override
    public ContextHandle saveContext(ContextService contextService, Map<String, String> properties) {
        List<ThreadContextSnapshot> snapshots = new ArrayList<>();
        for (ThreadContextProvider provider : ServiceLoader.load(ThreadContextProvider.class)) {
            snapshots.add(provider.currentContext(properties));
        }
        return new Captured(snapshots);
    }

    @Override
    public ContextHandle setup(ContextHandle handle) {
        List<ThreadContextRestorer> restorers = new ArrayList<>();
        for (ThreadContextSnapshot snapshot : ((Captured) handle).snapshots()) {
            restorers.add(0, snapshot.begin());
        }
        return new Begun(restorers);
    }

    @Override
    public void reset(ContextHandle handle) {
        ((Begun) handle).restorers().forEach(ThreadContextRestorer::endContext);
    }
}
