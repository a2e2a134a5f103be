package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.processpool.internal.context.ContextRegistry;
import dev.processpool.internal.context.StartMethodContext;
import dev.processpool.internal.forkserver.ForkServerClient;
import dev.processpool.internal.forkserver.ForkServerStarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the library makes lives under the parent's {@code java.io.tmpdir}: an application server sets its own, and
 * the forkserver and the workers, which are other JVMs, must use it too (the forkserver's socket went to /tmp).
 */
class FilesUnderParentTmpdirTest {
    @Test
    void theForkserverAndTheWorkersUseTheParentsTmpdir() throws Exception {
        assumeTrue(ProcessContext.allStartMethods().contains("forkserver"), "forkserver needs Unix domain sockets");
        String previous = System.getProperty("java.io.tmpdir");
        Path tmpdir = Files.createTempDirectory(Path.of("/tmp"), "pp-t");   // short: socket paths are limited
        ProcessContext context = ContextRegistry.INSTANCE.newContext("forkserver");
        ForkServerClient server = ((ForkServerStarter) ((StartMethodContext) context).starter()).client();
        System.setProperty("java.io.tmpdir", tmpdir.toString());
        try {
            try (Pool pool = context.newPool(PoolOptions.builder().processes(1).build())) {
                String workersTmpdir = pool.apply(ignored -> System.getProperty("java.io.tmpdir"), 0);
                Path serverSocket = server.socketPath();

                assertEquals(tmpdir.toString(), workersTmpdir, "the worker's java.io.tmpdir");
                assertTrue(serverSocket.startsWith(tmpdir), "the forkserver's socket " + serverSocket
                        + " is not under the parent's java.io.tmpdir " + tmpdir);
            }
        } finally {
            server.close();
            System.setProperty("java.io.tmpdir", previous);
        }
        TestPools.await("the forkserver's files removed", java.time.Duration.ofSeconds(10), () -> {
            try (Stream<Path> left = Files.list(tmpdir)) {
                return left.toList().isEmpty();
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Files.delete(tmpdir);
    }
}
