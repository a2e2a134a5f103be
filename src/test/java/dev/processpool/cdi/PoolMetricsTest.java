package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.TestPools;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Where the container has a Micrometer MeterRegistry, an injected pool's figures are meters of it, tagged with the
 * pool's name and application, read live; they are removed when the pool goes. Weld SE with a SimpleMeterRegistry.
 */
class PoolMetricsTest {
    private static final String POOL = "metered-reports";

    @Test
    void anInjectedPoolsFiguresAreMetersTaggedWithItsNameUntilItGoes() {
        try (WeldContainer container = Containers.start(MeteredReports.class, TestMeterRegistry.class)) {
            MeteredReports reports = container.select(MeteredReports.class).get();
            assertEquals(List.of(0, 1, 4, 9), reports.squares(List.of(0, 1, 2, 3)));
            reports.fail();

            assertEquals(2.0, gauge("processpool.pool.processes"));
            TestPools.await("2 workers alive", Duration.ofSeconds(60),
                    () -> gauge("processpool.pool.workers.alive") == 2.0);
            assertEquals(5.0, counter("processpool.pool.tasks.submitted"));
            assertEquals(4.0, counter("processpool.pool.tasks.completed"));
            assertEquals(1.0, counter("processpool.pool.tasks.failed"));
            assertEquals(0.0, counter("processpool.pool.worker.restarts"));
            assertEquals(0.0, gauge("processpool.pool.queue.depth"));
            assertTrue(gauge("processpool.pool.workers.resident") > 16 << 20, "two worker JVMs' resident memory");

            reports.squares(IntStream.range(0, 10).boxed().toList());
            assertEquals(15.0, counter("processpool.pool.tasks.submitted"), "read live, not copied at registration");

            Set<String> tags = meters().stream().flatMap(m -> m.getId().getTags().stream())
                    .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.toSet());
            assertEquals(Set.of("pool=" + POOL, "application="), tags, "tagged with the pool's name and application"
                    + " (none in Weld SE)");
        }
        assertTrue(meters().isEmpty(), "the meters are removed with the pool: " + meters());
    }

    private static List<Meter> meters() {
        return List.copyOf(Search.in(TestMeterRegistry.REGISTRY).tag("pool", POOL).meters());
    }

    private static double gauge(String name) {
        return TestMeterRegistry.REGISTRY.get(name).tag("pool", POOL).gauge().value();
    }

    private static double counter(String name) {
        return TestMeterRegistry.REGISTRY.get(name).tag("pool", POOL).functionCounter().count();
    }
}
