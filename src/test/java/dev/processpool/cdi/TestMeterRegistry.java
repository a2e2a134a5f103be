package dev.processpool.cdi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The container's MeterRegistry, as WildFly's micrometer subsystem or an application would provide one. */
@ApplicationScoped
public class TestMeterRegistry {
    static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

    @Produces
    @ApplicationScoped
    MeterRegistry registry() {
        return REGISTRY;
    }
}
