package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.pool.WorkerPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A worker that dies fails its task with WorkerDiedException; the pool replaces it and goes on. Never a hang. */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class WorkerDeathTest {
    @Parameter
    String startMethod;
    @TempDir
    Path dir;
    WorkerPool pool;

    @BeforeEach
    void startPool() {
        pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(2).jvmOptions("-Xmx96m").build());
    }

    @AfterEach
    void stopPool() {
        pool.terminate();
    }

    /** Item 0 writes its worker's pid to a file and then waits a minute; item 1 returns at once. */
    static long pidThenWait(String pidFile, int item) throws Exception {
        long pid = ProcessHandle.current().pid();
        if (item == 0) {
            Files.writeString(Path.of(pidFile + ".tmp"), Long.toString(pid));
            Files.move(Path.of(pidFile + ".tmp"), Path.of(pidFile));
            Thread.sleep(60_000);
        }
        return pid;
    }

    static int square(int x) {
        return x * x;
    }

    @Test
    void killedWorkerFailsItsTaskWithWorkerDiedExceptionAndLaterTasksSucceed() throws Exception {
        String pidFile = dir.resolve("pid").toString();
        CompletableFuture<List<Long>> running = pool.mapAsync((Integer item) -> pidThenWait(pidFile, item),
                List.of(0, 1), 1);
        TestPools.await("the task to report its pid", Duration.ofSeconds(30), () -> Files.exists(Path.of(pidFile)));
        long victim = Long.parseLong(Files.readString(Path.of(pidFile)));

        ProcessHandle.of(victim).orElseThrow().destroyForcibly();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> running.get(10, TimeUnit.SECONDS));
        WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, failure.getCause());
        assertEquals(victim, died.pid());
        assertEquals(137, died.exitStatus());
        assertTrue(died.getMessage().contains(Long.toString(victim)), died.getMessage());
        assertEquals(List.of(0, 1, 4, 9, 16), pool.map(WorkerDeathTest::square, List.of(0, 1, 2, 3, 4), 1));
        TestPools.await("a replacement worker", Duration.ofSeconds(30),
                () -> pool.workerPids().size() == 2 && !pool.workerPids().contains(victim));
    }

    static int exit(int status) {
        System.exit(status);
        return 0;
    }

    static int halt(int status) {
        Runtime.getRuntime().halt(status);
        return 0;
    }

    @Test
    void systemExitInATaskFailsItWithTheExitStatusAndThePoolGoesOn() {
        WorkerDiedException died = assertThrows(WorkerDiedException.class, () -> pool.apply(WorkerDeathTest::exit, 3));
        assertEquals(3, died.exitStatus());
        assertEquals(49, pool.apply(WorkerDeathTest::square, 7));
    }

    @Test
    void haltInATaskFailsItWithTheExitStatusAndThePoolGoesOn() {
        WorkerDiedException died = assertThrows(WorkerDiedException.class, () -> pool.apply(WorkerDeathTest::halt, 5));
        assertEquals(5, died.exitStatus());
        assertEquals(64, pool.apply(WorkerDeathTest::square, 8));
    }

    static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void errorThrownByATaskIsReportedWithItsRemoteClassAndItsWorkerReplaced() {
        for (int i = 0; i < 3; i++) {
            TaskFailedException failed = assertThrows(TaskFailedException.class,
                    () -> pool.apply(WorkerDeathTest::recurse, 0));
            assertEquals("java.lang.StackOverflowError", failed.remoteClassName());
            assertEquals(List.of(1, 4, 9, 16), pool.map(WorkerDeathTest::square, List.of(1, 2, 3, 4), 1),
                    "every task after the error succeeds, also on the worker that had it");
        }
    }

    @Test
    void terminateFailsRunningTasksWithCancellationNotWorkerDeath() throws Exception {
        String pidFile = dir.resolve("pid").toString();
        CompletableFuture<List<Long>> running = pool.mapAsync((Integer item) -> pidThenWait(pidFile, item),
                List.of(0), 1);
        TestPools.await("the task to start", Duration.ofSeconds(30), () -> Files.exists(Path.of(pidFile)));
        pool.terminate();
        assertThrows(java.util.concurrent.CancellationException.class, () -> running.get(10, TimeUnit.SECONDS));
        assertTrue(running.isCancelled());
    }

    static int exhaustMemory(int megabytes) {
        List<long[]> hog = new java.util.ArrayList<>();
        while (true) {
            hog.add(new long[megabytes * 128 * 1024]);
        }
    }

    @Test
    void taskRunningOutOfMemoryIsReportedAndItsWorkerReplaced() {
        WorkerDiedException died = assertThrows(WorkerDiedException.class,
                () -> pool.apply(WorkerDeathTest::exhaustMemory, 8));
        assertTrue(died.getMessage().contains("OutOfMemoryError"), died.getMessage());
        assertEquals(List.of(1, 4, 9), pool.map(WorkerDeathTest::square, List.of(1, 2, 3), 1));
    }

    @Test
    void tasksQueuedBehindAKilledWorkersTaskRunOnAnotherWorker() throws Exception {
        List<Integer> tiny = java.util.stream.IntStream.range(0, 200).boxed().toList();
        pool.map(WorkerDeathTest::square, tiny, 1);   // short chunks: each worker now holds several at once
        String pidFile = dir.resolve("pid").toString();
        List<Integer> items = java.util.stream.IntStream.range(0, 40).boxed().toList();
        java.util.Iterator<Long> results = pool.imap((Integer item) -> pidThenWait(pidFile, item), items, 1);
        TestPools.await("the task to report its pid", Duration.ofSeconds(30), () -> Files.exists(Path.of(pidFile)));
        long victim = Long.parseLong(Files.readString(Path.of(pidFile)));

        ProcessHandle.of(victim).orElseThrow().destroyForcibly();

        WorkerDiedException died = assertThrows(WorkerDiedException.class, results::next);
        assertEquals(victim, died.pid());
        int succeeded = 0;
        while (results.hasNext()) {
            results.next();
            succeeded++;
        }
        assertEquals(items.size() - 1, succeeded, "every other item ran, none failed with the killed worker");
    }
}
