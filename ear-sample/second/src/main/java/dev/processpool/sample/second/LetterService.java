package dev.processpool.sample.second;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Owns the second application's long-lived pool, {@value #POOL_NAME}; made at the first call. */
@ApplicationScoped
public class LetterService {
    public static final String POOL_NAME = "second-letters";

    @Inject
    @ProcessPool(name = POOL_NAME, startMethod = "spawn", processes = 1)
    Pool pool;

    public List<Lettered> upper(List<String> texts) {
        return pool.map(Letters::upper, texts);
    }
}
