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

    /** Runs {@code task} and returns its TaskTimeoutException, checking the bound and that the pool goes on. */
    private TaskTimeoutException timesOut(ProcessFunction<Integer, Long> task) {
        long pidBefore = pool.workerPids().get(0);
        long start = System.nanoTime();
        TaskFailedException failure = assertThrows(TaskFailedException.class, () -> pool.apply(task, 0));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        TaskTimeoutException timeout = assertInstanceOf(TaskTimeoutException.class, failure, failure::toString);
        assertTrue(took.compareTo(LIMIT) >= 0, "failed before the limit: " + took);
        assertTrue(took.compareTo(BOUND) < 0, "took " + took + ", more than the limit plus 2 s");
        assertEquals(LIMIT, timeout.limit());
        assertEquals(pidBefore, timeout.pid());
        assertEquals(3, pool.apply(TaskTimeoutTest::plusOne, 2), "the pool goes on");
        return timeout;
    }

    @Test
    void aSleepIsInterruptedAndTheWorkerStays() {
        long pid = pool.workerPids().get(0);
        TaskTimeoutException timeout = timesOut(SupervisedTasks::sleep);
        assertTrue(timeout.getMessage().contains("task timeout"), timeout.getMessage());
        assertEquals(List.of(pid), pool.workerPids(), "an item that returned when interrupted keeps its worker");
        assertEquals(1, pool.control().tasksTimedOut());
    }

    @Test
    void aBusyLoopHasItsWorkerReplaced() {
        long pid = pool.workerPids().get(0);
        timesOut(SupervisedTasks::busyLoop);
        assertNotEquals(List.of(pid), pool.workerPids());
        assertEquals(1, pool.control().tasksTimedOut());
    }

    @Test
    void aTaskThatSwallowsInterruptsHasItsWorkerReplaced() {
        long pid = pool.workerPids().get(0);
        timesOut(SupervisedTasks::swallowInterrupts);
        assertNotEquals(List.of(pid), pool.workerPids());
        assertTrue(!TestPools.isAlive(pid) || awaitGone(pid), "the stopped worker is gone");
    }

    @Test
    void aTaskBlockedOnAPipeHasItsWorkerReplaced() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String path = fifo.toString();
        timesOut(ignored -> SupervisedTasks.readPipe(path));
    }

    @Test
    void aTaskWaitingForItsDeadlockedThreadsTimesOut() {
        timesOut(SupervisedTasks::deadlock);
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
