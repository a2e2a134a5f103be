package dev.processpool.sample.second;

import dev.processpool.ProcessRunnable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The initializer of the pool {@code second-fragile}: runs in each worker before its first task. Where the
 * administrator gives the workers a scratch directory ({@code -Dsecond.scratch=<dir>} in the pool's
 * {@code jvmOptions}), it must exist; a worker without it refuses to start, and the pool breaks.
 */
public class ScratchDirectoryCheck implements ProcessRunnable {
    static final String PROPERTY = "second.scratch";

    @Override
    public void run() {
        String directory = System.getProperty(PROPERTY);
        if (directory != null && !Files.isDirectory(Path.of(directory))) {
            throw new IllegalStateException("the scratch directory " + directory + " (-D" + PROPERTY
                    + ") does not exist: create it, then restart the pool");
        }
    }
}
