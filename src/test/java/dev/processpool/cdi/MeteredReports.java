package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** An owner of a named pool in a container that has a MeterRegistry (see {@link TestMeterRegistry}). */
@ApplicationScoped
public class MeteredReports {
    @Inject
    @ProcessPool(name = "metered-reports", startMethod = "spawn", processes = 2)
    Pool pool;

    public List<Integer> squares(List<Integer> inputs) {
        return pool.map(Tasks::square, inputs);
    }

    public void fail() {
        try {
            pool.apply(Tasks::fail, "on purpose");
        } catch (RuntimeException expected) {
            // counted as failed
        }
    }
}
