package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.pool.WorkerPool;
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

/**
 * An item that runs past the pool's taskTimeout fails with TaskTimeoutException within the limit plus 2 s, whatever
 * it does: it is interrupted at the limit, and its worker is stopped and replaced if it has not returned within the
 * grace. The pool goes on.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class TaskTimeoutTest {
    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final Duration BOUND = LIMIT.plusSeconds(2);

    @Parameter
    String startMethod;
    @TempDir
    Path dir;
    WorkerPool pool;

    @BeforeEach
    void startPool() {
        pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).taskTimeout(LIMIT).build());
        assertEquals(2, pool.apply((Integer x) -> x + 1, 1));   // the worker is up: the bound is the item's own
    }

    @AfterEach
    void stopPool() {
        pool.terminate();
    }

    static int plusOne(int x) {
        return x + 1;
    }

    /**
     * Runs {@code task} (which marks its start first) and returns its TaskTimeoutException, checking that it came
     * within the limit plus 2 s of the item's start, and that the pool goes on.
     */
    private TaskTimeoutException timesOut(ProcessFunction<Integer, Long> task) throws Exception {
        long pidBefore = pool.workerPids().get(0);
        CompletableFuture<Long> running = pool.applyAsync(task, 0);
        TestPools.await("the item to start", Duration.ofSeconds(30), () -> started());
        long start = System.nanoTime();
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> running.get(BOUND.toSeconds() + 30, TimeUnit.SECONDS));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        TaskTimeoutException timeout = assertInstanceOf(TaskTimeoutException.class, failure.getCause(),
                failure::toString);
        assertTrue(took.compareTo(BOUND) < 0, "took " + took + " from its start, more than the limit plus 2 s");
        assertEquals(LIMIT, timeout.limit());
        assertEquals(pidBefore, timeout.pid());
        assertEquals(3, pool.apply(TaskTimeoutTest::plusOne, 2), "the pool goes on");
        return timeout;
    }

    private boolean started() {
        try {
            return SupervisedTasks.runs(dir, 1)[0] > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aSleepIsInterruptedAndTheWorkerStays() throws Exception {
        String marks = dir.toString();
        long pid = pool.workerPids().get(0);
        TaskTimeoutException timeout = timesOut(item -> {
            SupervisedTasks.mark(marks, item);
            return SupervisedTasks.sleep(item);
        });
        assertTrue(timeout.getMessage().contains("task timeout"), timeout.getMessage());
        assertEquals(List.of(pid), pool.workerPids(), "an item that returned when interrupted keeps its worker");
        assertEquals(1, pool.control().tasksTimedOut());
    }

    @Test
    void aBusyLoopHasItsWorkerReplaced() throws Exception {
        String marks = dir.toString();
        long pid = pool.workerPids().get(0);
        timesOut(item -> {
            SupervisedTasks.mark(marks, item);
            return SupervisedTasks.busyLoop(item);
        });
        assertNotEquals(List.of(pid), pool.workerPids());
        assertEquals(1, pool.control().tasksTimedOut());
    }

    @Test
    void aTaskThatSwallowsInterruptsHasItsWorkerReplaced() throws Exception {
        String marks = dir.toString();
        long pid = pool.workerPids().get(0);
        timesOut(item -> {
            SupervisedTasks.mark(marks, item);
            return SupervisedTasks.swallowInterrupts(item);
        });
        assertNotEquals(List.of(pid), pool.workerPids());
        assertTrue(!TestPools.isAlive(pid) || awaitGone(pid), "the stopped worker is gone");
    }

    @Test
    void aTaskBlockedOnAPipeHasItsWorkerReplaced() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String path = fifo.toString();
        String marks = dir.toString();
        timesOut(item -> {
            SupervisedTasks.mark(marks, item);
            return SupervisedTasks.readPipe(path);
        });
    }

    @Test
    void aTaskWaitingForItsDeadlockedThreadsTimesOut() throws Exception {
        String marks = dir.toString();
        timesOut(item -> {
            SupervisedTasks.mark(marks, item);
            return SupervisedTasks.deadlock(item);
        });
    }

    @Test
    void itemsWithinTheLimitAreUntouched() {
        assertEquals(List.of(1, 2, 3), pool.map(TaskTimeoutTest::plusOne, List.of(0, 1, 2), 1));
        assertEquals(0, pool.control().tasksTimedOut());
    }

    private boolean awaitGone(long pid) {
        TestPools.await("worker " + pid + " to be gone", Duration.ofSeconds(10), () -> !TestPools.isAlive(pid));
        return true;
    }
}
