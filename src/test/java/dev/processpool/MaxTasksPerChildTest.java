package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class MaxTasksPerChildTest {
    @Parameter
    String startMethod;

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    @Test
    void maxTasksPerChildOfOneGivesANewWorkerPerTask() {
        try (Pool pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).maxTasksPerChild(1).build())) {
            Set<Long> pids = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                pids.add(pool.apply(MaxTasksPerChildTest::pid, i));
            }
            assertEquals(5, pids.size(), "pids: " + pids);
        }
    }

    /** Waits (at most 60 s) for {@code release} to exist, then gives its pid. */
    static long pidOnceReleased(String release) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(Path.of(release)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return ProcessHandle.current().pid();
    }

    private static long spawnedWorkers() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("WorkerMain")).count();
    }

    @Test
    void aWorkersSuccessorStartsWhileItRunsItsLastTask(@TempDir Path dir) throws IOException {
        assumeTrue("spawn".equals(startMethod), "a spawned successor is this JVM's child; a forkserver's reserve"
                + " would hide when it was asked for");
        Path release = dir.resolve("release");
        Pool pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).maxTasksPerChild(1).build());
        try {
            long before = spawnedWorkers();   // the pool's first worker included
            CompletableFuture<Long> last = pool.applyAsync(MaxTasksPerChildTest::pidOnceReleased, release.toString());
            TestPools.await("a successor started while the first worker runs its last task", Duration.ofSeconds(30),
                    () -> spawnedWorkers() > before);
            assertFalse(last.isDone(), "the last task is still running");
            Files.createFile(release);
            assertNotEquals(last.join(), pool.apply(MaxTasksPerChildTest::pid, 0), "the next task runs in the successor");
        } finally {
            pool.terminate();
        }
    }
}
