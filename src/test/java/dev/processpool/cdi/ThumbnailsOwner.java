package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** An owner of a named pool, for the configuration tests: each instance has a pool of its own. */
@Dependent
public class ThumbnailsOwner {
    /** In the command line of this owner's workers, as long as the configuration leaves jvmOptions alone. */
    static final String MARKER = "-Dprocesspool.cdi.owner=thumbnails";

    @Inject
    @ProcessPool(name = "thumbnails", startMethod = "spawn", processes = 1, jvmOptions = MARKER)
    Pool pool;

    public int processes() {
        return pool.processes();
    }

    public String workerProperty(String name) {
        return pool.apply(Tasks::property, name);
    }
}
