package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** A dependent owner of a pool, injected into a request-scoped bean: its pool lives one request too. */
@Dependent
public class PerRequestHelper {
    @Inject
    @ProcessPool(startMethod = "spawn", processes = 1)
    Pool pool;
}
