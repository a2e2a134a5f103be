package dev.processpool.sample.service;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Hashes batches of strings in worker processes. */
@ApplicationScoped
public class HashService {
    private Pool pool;

    @PostConstruct
    void start() {
        pool = ProcessContext.of("spawn").newPool(PoolOptions.builder().processes(2).build());
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    public List<Hashed> sha256(List<String> inputs) {
        return pool.map(Tasks::sha256, inputs);
    }
}
