package dev.processpool.sample.service;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Owns the sample's long-lived named pool, {@value #POOL_NAME}: the one the admin page shows first. Its work is
 * hashing words, which the {@code /api/reports} endpoint puts through it. It starts with the application (not at
 * the first call), so the page lists it from the moment the EAR is deployed.
 */
@ApplicationScoped
public class ReportService {
    public static final String POOL_NAME = "sample-reports";

    @Inject
    @ProcessPool(name = POOL_NAME, startMethod = "spawn", processes = 1)
    Pool pool;

    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Observing the event creates this bean, and with it the pool and its workers.
    }

    public List<Hashed> hash(List<String> words) {
        return pool.map(Tasks::sha256, words);
    }
}
