package dev.processpool.internal.metrics;

import dev.processpool.internal.management.PoolControl;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One pool's figures (those of its MXBean) as meters of a {@link MeterRegistry}, tagged {@code pool=<name>} and
 * {@code application=<application>}: gauges for what goes up and down, function counters for what only grows.
 * They read the engine when the registry asks; {@link #close()} removes them. Names: docs/operations.md.
 */
public final class PoolMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<Meter> meters;

    private PoolMeters(MeterRegistry registry, List<Meter> meters) {
        this.registry = registry;
        this.meters = meters;
    }

    /** Registers the pool's meters in {@code registry}. */
    public static PoolMeters register(MeterRegistry registry, String pool, String application, PoolControl figures) {
        Tags tags = Tags.of("pool", pool, "application", application);
        List<Meter> meters = new ArrayList<>();
        gauge(meters, registry, tags, "processpool.pool.processes", "worker processes the pool keeps", figures,
                PoolControl::processes);
        gauge(meters, registry, tags, "processpool.pool.workers.alive", "worker processes connected now", figures,
                PoolControl::workersAlive);
        gauge(meters, registry, tags, "processpool.pool.queue.depth", "items accepted, not yet handed to a worker",
                figures, PoolControl::queueDepth);
        gauge(meters, registry, tags, "processpool.pool.workers.resident", "resident memory of the connected workers",
                figures, f -> f.workers().stream().mapToLong(w -> Math.max(0, w.getResidentBytes())).sum(), "bytes");
        counter(meters, registry, tags, "processpool.pool.tasks.submitted", "items accepted", figures,
                PoolControl::tasksSubmitted);
        counter(meters, registry, tags, "processpool.pool.tasks.completed", "items that returned a result", figures,
                PoolControl::tasksCompleted);
        counter(meters, registry, tags, "processpool.pool.tasks.failed",
                "items that threw, whose worker died, or that the pool stopped", figures, PoolControl::tasksFailed);
        counter(meters, registry, tags, "processpool.pool.worker.restarts", "workers started to replace one", figures,
                PoolControl::workerRestarts);
        return new PoolMeters(registry, meters);
    }

    private static void gauge(List<Meter> meters, MeterRegistry registry, Tags tags, String name, String description,
            PoolControl figures, ToDoubleFunction<PoolControl> figure) {
        gauge(meters, registry, tags, name, description, figures, figure, null);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")   // the 7 above and the unit; a builder would only rename them
    private static void gauge(List<Meter> meters, MeterRegistry registry, Tags tags, String name, String description,
            PoolControl figures, ToDoubleFunction<PoolControl> figure, String unit) {
        meters.add(Gauge.builder(name, figures, figure).description(description).baseUnit(unit).tags(tags)
                .strongReference(true).register(registry));
    }

    private static void counter(List<Meter> meters, MeterRegistry registry, Tags tags, String name,
            String description, PoolControl figures, ToDoubleFunction<PoolControl> figure) {
        meters.add(FunctionCounter.builder(name, figures, figure).description(description).tags(tags)
                .register(registry));
    }

    /** Removes the meters from the registry. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
