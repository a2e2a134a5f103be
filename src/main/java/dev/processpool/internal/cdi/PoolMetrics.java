package dev.processpool.internal.cdi;

import dev.processpool.Pool;
import dev.processpool.internal.metrics.PoolMeters;
import dev.processpool.internal.pool.WorkerPool;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;

/**
 * Gives an injected pool meters in the container's {@link MeterRegistry} bean, where Micrometer is on the class path
 * and such a bean resolves (WildFly's micrometer subsystem provides one; an application may produce its own). The
 * meters go when the pool goes. Micrometer's types are reached only through {@link #bind} after
 * {@link #MICROMETER_PRESENT}.
 */
final class PoolMetrics {
    static final boolean MICROMETER_PRESENT = micrometerPresent();

    private PoolMetrics() {
    }

    /** Registers the meters of {@code pool} (made by the engine, of {@code application}) if there is a MeterRegistry. */
    static void bind(BeanManager beans, Pool pool, String application) {
        if (!MICROMETER_PRESENT || !(pool instanceof WorkerPool engine)) {
            return;
        }
        MeterRegistries.bind(beans, engine, application);
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, PoolMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Holds the Micrometer types, so that PoolMetrics itself loads without Micrometer. */
    private static final class MeterRegistries {
        static void bind(BeanManager beans, WorkerPool engine, String application) {
            find(beans).ifPresent(registry -> {
                PoolMeters meters = PoolMeters.register(registry, engine.name(), application,
                        engine.control());
                engine.whenGone(meters::close);
            });
        }

        static java.util.Optional<MeterRegistry> find(BeanManager beans) {
            Set<Bean<?>> candidates = beans.getBeans(MeterRegistry.class);
            if (candidates.isEmpty()) {
                return java.util.Optional.empty();
            }
            Bean<?> bean;
            try {
                bean = beans.resolve(candidates);
            } catch (RuntimeException ambiguous) {
                return java.util.Optional.empty();
            }
            return bean == null ? java.util.Optional.empty() : java.util.Optional.of((MeterRegistry) beans
                    .getReference(bean, MeterRegistry.class, beans.createCreationalContext(bean)));
        }
    }
}
