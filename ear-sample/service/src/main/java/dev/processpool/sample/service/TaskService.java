package dev.processpool.sample.service;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import dev.processpool.ProcessFunction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Runs functions its callers hand it in worker processes, whatever module they come from: the WAR's classes
 * reach a worker through the pool's remote class loading.
 */
@ApplicationScoped
public class TaskService {
    private Pool pool;

    @PostConstruct
    void start() {
        pool = ProcessContext.of("spawn").newPool(PoolOptions.builder().processes(1).build());
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    public <T, R> List<R> map(ProcessFunction<T, R> function, List<T> inputs) {
        return pool.map(function, inputs);
    }
}
