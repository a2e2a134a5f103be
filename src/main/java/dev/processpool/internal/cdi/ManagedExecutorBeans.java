package dev.processpool.internal.cdi;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ManagedExecutorService} that is a CDI bean (Jakarta Concurrency 3.1 makes them injectable; applications
 * may produce one). Loaded only where the Concurrency API is present.
 */
final class ManagedExecutorBeans {
    private ManagedExecutorBeans() {
    }

    /** The default managed executor bean, if exactly one resolves. */
    static Optional<Object> find(BeanManager beans) {
        Set<Bean<?>> candidates = beans.getBeans(ManagedExecutorService.class);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean;
        try {
            bean = beans.resolve(candidates);
        } catch (RuntimeException ambiguous) {
            return Optional.empty();
        }
        return bean == null ? Optional.empty()
                : Optional.of(beans.getReference(bean, ManagedExecutorService.class, beans.createCreationalContext(bean)));
    }
}
