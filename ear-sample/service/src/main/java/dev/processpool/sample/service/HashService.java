package dev.processpool.sample.service;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Hashes batches of strings in the worker processes of a {@code spawn} pool. */
@ApplicationScoped
public class HashService {
    @Inject
    @ProcessPool(startMethod = "spawn", processes = 2)
    Pool pool;

    public List<Hashed> sha256(List<String> inputs) {
        return pool.map(Tasks::sha256, inputs);
    }
}
