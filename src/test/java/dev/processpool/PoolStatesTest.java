package dev.processpool;

import static dev.processpool.PoolTasks.markStartedAndSleep;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.pool.WorkerPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool's life cycle: its workers, terminate, close, join, and every submission refused once it stopped. Part of
 * CPython's {@code _TestPool} (see {@link PoolTestBase}).
 */
@ForEachStartMethod
class PoolStatesTest extends PoolTestBase {
    @Test
    void aPoolOfThreeHasThreeWorkerProcessesOnceReady() throws InterruptedException {
        WorkerPool pool = newPool(3);
        assertEquals(3, pool.processes());
        TestPools.await("3 workers ready", READY, () -> pool.workerPids().size() == 3);
        List<Long> pids = pool.workerPids();
        assertEquals(3, new HashSet<>(pids).size(), pids.toString());
        assertTrue(ProcessHandle.current().descendants().map(ProcessHandle::pid).toList().containsAll(pids),
                "processes started for this JVM: " + pids);
        pool.close();
        pool.join();
        assertTrue(pids.stream().noneMatch(PoolTestBase::alive), "workers exited after close: " + pids);
    }

    @Test
    void processesBelowOneAndNegativeMaxTasksPerChildAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PoolOptions.builder().processes(0));
        assertThrows(IllegalArgumentException.class, () -> PoolOptions.builder().processes(-1));
        assertThrows(IllegalArgumentException.class, () -> PoolOptions.builder().maxTasksPerChild(-1));
    }

    @Test
    void terminateOfABusyPoolReturnsPromptlyAndFailsUnfinishedFuturesWithCancellation(@TempDir Path dir)
            throws Exception {
        WorkerPool pool = newPool(3);
        String marks = dir.toString();
        CompletableFuture<List<Integer>> all = pool.mapAsync(
                (Integer millis) -> markStartedAndSleep(marks, millis), Collections.nCopies(10_000, 120_000), 1);
        CompletableFuture<Integer> queued = pool.applyAsync(PoolTasks::sqr, 3);
        TestPools.await("the 3 workers run a long task", READY, () -> countFiles(dir) >= 3);
        List<Long> pids = pool.workerPids();

        long start = System.nanoTime();
        pool.terminate();
        pool.join();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "terminate() and join() took " + took);
        assertTrue(pids.stream().noneMatch(PoolTestBase::alive), "busy workers were stopped: " + pids);
        Throwable queuedFailure = failureOf(queued);
        assertInstanceOf(CancellationException.class, queuedFailure, "the queued task: " + queuedFailure);
        Throwable runningFailure = failureOf(all);
        assertInstanceOf(CancellationException.class, runningFailure,
                "the map whose first items were running: " + runningFailure);
    }

    /** What the future failed with, waiting for it a little: its CancellationException, or its cause. */

    @Test
    void afterCloseEverySubmittingMethodThrowsPoolIsClosed() {
        WorkerPool pool = newPool(1);
        pool.close();
        assertEverySubmissionRefused(pool, "pool is closed");
    }

    @Test
    void afterTerminateEverySubmittingMethodThrowsPoolIsClosed() {
        WorkerPool pool = newPool(1);
        pool.terminate();
        assertEverySubmissionRefused(pool, "pool is closed");
    }


    @Test
    void joinWhileRunningThrowsIllegalStateException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool().join());
        assertTrue(e.getMessage().contains("still running"), e.getMessage());
        assertEquals(9, pool().apply(PoolTasks::sqr, 3), "the pool goes on");
    }

    @Test
    void terminateTwiceAndCloseAfterTerminateAreNoOps() throws InterruptedException {
        WorkerPool pool = newPool(1);
        pool.terminate();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            pool.terminate();
            pool.close();
            pool.join();
        });
        assertEverySubmissionRefused(pool, "pool is closed");
    }

    @Test
    void tryWithResourcesClosesThePool() throws Exception {
        WorkerPool escaped;
        List<Long> pids;
        try (WorkerPool pool = TestPools.newPool(startMethod, 2)) {
            escaped = pool;
            assertEquals(squares(10), pool.mapAsync(PoolTasks::sqr, range(10)).get(60, SECONDS));
            TestPools.await("2 workers ready", READY, () -> pool.workerPids().size() == 2);
            pids = pool.workerPids();
        }
        assertTimeoutPreemptively(Duration.ofSeconds(10), escaped::join);
        assertTrue(pids.stream().noneMatch(PoolTestBase::alive), "workers exited: " + pids);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> escaped.mapAsync(PoolTasks::sqr, range(10)));
        assertEquals("pool is closed", e.getMessage());
    }
}
