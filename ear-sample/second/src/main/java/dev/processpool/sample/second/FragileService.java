package dev.processpool.sample.second;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Owns the named pool {@value #POOL_NAME}, made at the first call. Nothing in the code breaks it; an administrator
 * can, with a configuration its workers' JVM refuses ({@code processpool.second-fragile.jvmOptions}), which is how
 * the ITs break it on purpose, see it listed as BROKEN with its reason, and restart it once the configuration is
 * mended.
 */
@ApplicationScoped
public class FragileService {
    public static final String POOL_NAME = "second-fragile";

    @Inject
    @ProcessPool(name = POOL_NAME, startMethod = "spawn", processes = 1)
    Pool pool;

    public List<Lettered> upper(List<String> texts) {
        return pool.map(Letters::upper, texts);
    }
}
