package dev.processpool.sample.service;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import dev.processpool.ProcessFunction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Runs functions its callers hand it in worker processes, whatever module they come from: the WAR's classes
 * reach a worker through the pool's remote class loading.
 */
@ApplicationScoped
public class TaskService {
    @Inject
    @ProcessPool(processes = 1)
    Pool pool;

    public <T, R> List<R> map(ProcessFunction<T, R> function, List<T> inputs) {
        return pool.map(function, inputs);
    }
}
