package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import java.util.List;
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

    /**
     * Leaves a file in {@code dir} when it starts, waits for {@code dir/release} if {@code waits}, then runs for a
     * while; gives its pid, start and end.
     */
    static List<Long> timedPid(String dirAndWaits) throws InterruptedException, IOException {
        long start = System.nanoTime();
        String[] parts = dirAndWaits.split("\\|");
        Path dir = Path.of(parts[0]);
        Files.createFile(dir.resolve("started-" + ProcessHandle.current().pid() + "-" + start));
        if (parts[1].equals("waits")) {
            pidOnceReleased(dir.resolve("release").toString());
        }
        Thread.sleep(50);   // the task's work
        return List.of(ProcessHandle.current().pid(), start, System.nanoTime());
    }

    private static long tasksStarted(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("started-")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int workersAlive(ObjectName pool) {
        try {
            return (Integer) ManagementFactory.getPlatformMBeanServer().getAttribute(pool, "WorkersAlive");
        } catch (javax.management.JMException e) {
            throw new AssertionError("cannot read WorkersAlive of " + pool, e);
        }
    }

    @Test
    void aSuccessorStartedEarlyRunsNothingBesideTheWorkerItReplaces(@TempDir Path dir) throws Exception {
        assumeTrue("spawn".equals(startMethod), "a spawned successor connects while its predecessor still runs");
        PoolOptions options = PoolOptions.builder().name("successor-overlap").processes(1).maxTasksPerChild(2).build();
        Pool pool = TestPools.newPool(startMethod, options);
        try {
            // the first worker is handed its last two chunks, so its successor starts and joins while the first
            // chunk waits: it must not take the waiting chunk (asked back from the first worker) nor the third
            CompletableFuture<List<List<Long>>> runs = pool.mapAsync(MaxTasksPerChildTest::timedPid,
                    List.of(dir + "|waits", dir + "|runs", dir + "|runs"), 1);
            ObjectName name = new ObjectName("dev.processpool:type=Pool,name=successor-overlap");
            TestPools.await("the successor joined the pool", Duration.ofSeconds(60), () -> workersAlive(name) == 2);
            // what must not happen can only be given time: a few seconds for the successor to start a task
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (tasksStarted(dir) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Files.createFile(dir.resolve("release"));
            List<List<Long>> tasks = runs.join();
            for (int i = 0; i < tasks.size(); i++) {
                for (int j = i + 1; j < tasks.size(); j++) {
                    List<Long> a = tasks.get(i);
                    List<Long> b = tasks.get(j);
                    assertTrue(a.get(2) <= b.get(1) || b.get(2) <= a.get(1),
                            "tasks " + i + " and " + j + " ran at once in a pool of 1: " + tasks);
                }
            }
            for (List<Long> task : tasks) {
                long runsInItsWorker = tasks.stream().filter(t -> t.get(0).equals(task.get(0))).count();
                assertTrue(runsInItsWorker <= 2, "a worker ran more than maxTasksPerChild tasks: " + tasks);
            }
        } finally {
            pool.terminate();
        }
    }
}
