package dev.processpool.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.TimeUnit;
import org.glassfish.enterprise.concurrent.AbstractManagedExecutorService.RejectPolicy;
import org.glassfish.enterprise.concurrent.ContextServiceImpl;
import org.glassfish.enterprise.concurrent.ManagedExecutorServiceImpl;
import org.glassfish.enterprise.concurrent.ManagedThreadFactoryImpl;

/** A real managed executor (GlassFish's implementation), as a CDI bean, as Jakarta Concurrency 3.1 offers them. */
@ApplicationScoped
public class GlassFishExecutor {
    private final ContextServiceImpl contexts = new ContextServiceImpl("test-context", new ThreadContextProviders());
    private final ManagedThreadFactoryImpl threads = new ManagedThreadFactoryImpl("test-managed", contexts);
    private final ManagedExecutorServiceImpl executor = new ManagedExecutorServiceImpl("test-executor", threads,
            0, false, 2, 2, 60, TimeUnit.SECONDS, 0, Integer.MAX_VALUE, contexts, RejectPolicy.ABORT);

    @Produces
    ManagedExecutorService executor() {
        return executor.getAdapter();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        threads.stop();
    }
}
