package dev.processpool.bench;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Before the benchmarks: starts one worker, so that the workers' class-data archive of this build is made,
 * and waits until it is there (a minute at most). Every figure is then taken as on any machine after its
 * first pool; the very first pool of an installation, which makes the archive, is not what is measured.
 */
public final class PrepareArchive {
    private static final long WAIT_SECONDS = 60;

    private PrepareArchive() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "processpool-" + System.getProperty("user.name") + "-cds");
        long before = archives(directory);
        try (Pool pool = ProcessContext.of("spawn").newPool(PoolOptions.builder().processes(1).build())) {
            pool.apply(BenchTasks::identity, 1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (archives(directory) == before && System.nanoTime() < deadline) {
            Thread.sleep(200);   // another JVM writes it: a file to poll is all there is
        }
        System.out.println(archives(directory) > before ? "   class-data archive made in " + directory
                : "   no new class-data archive (already there, or none for this class path)");
    }

    private static long archives(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (var files = Files.list(directory)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("writing-")).count();
        }
    }
}
