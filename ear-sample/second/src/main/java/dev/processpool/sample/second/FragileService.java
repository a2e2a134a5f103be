package dev.processpool.sample.second;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Owns the named pool {@value #POOL_NAME}, made at the first call, whose workers check their scratch directory
 * before their first task ({@link ScratchDirectoryCheck}). An administrator who names a directory that does not
 * exist ({@code processpool.second-fragile.jvmOptions=-Dsecond.scratch=<dir>}) breaks it: that is how the ITs break
 * it on purpose, see it listed as BROKEN with its reason, and restart it over JMX once the directory is made.
 */
@ApplicationScoped
public class FragileService {
    public static final String POOL_NAME = "second-fragile";

    @Inject
    @ProcessPool(name = POOL_NAME, startMethod = "spawn", processes = 1, initializer = ScratchDirectoryCheck.class)
    Pool pool;

    public List<Lettered> upper(List<String> texts) {
        return pool.map(Letters::upper, texts);
    }
}
