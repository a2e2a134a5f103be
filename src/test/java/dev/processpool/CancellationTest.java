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
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cancelling a pool's future stops the work: items not started are withdrawn, a running one is interrupted (its
 * worker stopped and replaced if it does not give up within the grace), and the next task starts at once. A future
 * completed from outside (complete, completeExceptionally, orTimeout) withdraws its work the same way.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class CancellationTest {
    @Parameter
    String startMethod;
    @TempDir
    Path dir;
    WorkerPool pool;

    @BeforeEach
    void startPool() {
        pool = TestPools.newPool(startMethod, 1);
        assertEquals(2, pool.apply(CancellationTest::plusOne, 1));
    }

    @AfterEach
    void stopPool() {
        pool.terminate();
    }

    static int plusOne(int x) {
        return x + 1;
    }

    static long markThenSleep(String dir, int item) throws Exception {
        SupervisedTasks.mark(dir, item);
        return SupervisedTasks.sleep(item);
    }

    static long markThenSwallow(String dir, int item) throws Exception {
        SupervisedTasks.mark(dir, item);
        return SupervisedTasks.swallowInterrupts(item);
    }

    private void awaitRun(int item) {
        TestPools.await("item " + item + " to start", Duration.ofSeconds(30), () -> {
            try {
                return SupervisedTasks.runs(dir, item + 1)[item] > 0;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    /** The pool's single worker takes the next task within {@code bound} of now. */
    private void nextTaskRunsWithin(Duration bound) {
        long start = System.nanoTime();
        assertEquals(8, pool.apply(CancellationTest::plusOne, 7));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(bound) < 0, "the next task took " + took);
    }

    @Test
    void cancelFreesAOneWorkerPoolWithinTwoSeconds() {
        String marks = dir.toString();
        long pid = pool.workerPids().get(0);
        CompletableFuture<Long> running = pool.applyAsync((Integer item) -> markThenSleep(marks, item), 0);
        awaitRun(0);
        assertTrue(running.cancel(true));
        nextTaskRunsWithin(Duration.ofSeconds(2));
        assertEquals(List.of(pid), pool.workerPids(), "an item that gave up when interrupted keeps its worker");
        assertEquals(1, pool.control().tasksCancelled());
    }

    @Test
    void cancelStopsAWorkerWhoseTaskIgnoresTheInterrupt() {
        String marks = dir.toString();
        long pid = pool.workerPids().get(0);
        CompletableFuture<Long> running = pool.applyAsync((Integer item) -> markThenSwallow(marks, item), 0);
        awaitRun(0);
        assertTrue(running.cancel(true));
        // the grace (1 s), then a new worker JVM: generous for a loaded machine
        nextTaskRunsWithin(Duration.ofSeconds(10));
        assertTrue(!pool.workerPids().contains(pid), "the worker was replaced");
        TestPools.await("the stopped worker to be gone", Duration.ofSeconds(10), () -> !TestPools.isAlive(pid));
    }

    @Test
    void cancellingMapAsyncWithdrawsTheItemsNotStarted() throws Exception {
        String marks = dir.toString();
        List<Integer> items = IntStream.range(0, 20).boxed().toList();
        CompletableFuture<List<Long>> running = pool.mapAsync((Integer item) -> markThenSleep(marks, item), items, 1);
        awaitRun(0);
        assertTrue(running.cancel(true));
        nextTaskRunsWithin(Duration.ofSeconds(2));
        assertEquals(1, Files.list(dir).filter(f -> f.getFileName().toString().startsWith("item-")).count(),
                "only the first item ran");
        assertEquals(20, pool.control().tasksCancelled());
    }

    @Test
    void orTimeoutWithdrawsTheWork() {
        String marks = dir.toString();
        CompletableFuture<Long> limited = pool.applyAsync((Integer item) -> markThenSleep(marks, item), 0)
                .orTimeout(300, TimeUnit.MILLISECONDS);
        ExecutionException e = assertThrows(ExecutionException.class, limited::get);
        assertInstanceOf(TimeoutException.class, e.getCause());
        nextTaskRunsWithin(Duration.ofSeconds(2));
    }

    @Test
    void completingFromOutsideWithdrawsTheWork() {
        String marks = dir.toString();
        CompletableFuture<Long> running = pool.applyAsync((Integer item) -> markThenSleep(marks, item), 0);
        awaitRun(0);
        assertTrue(running.complete(42L));
        nextTaskRunsWithin(Duration.ofSeconds(2));
        assertEquals(42L, running.join());
    }

    @Test
    void aFinishedFutureCancelsNothing() {
        CompletableFuture<Integer> done = pool.applyAsync(CancellationTest::plusOne, 1);
        assertEquals(2, done.join());
        done.cancel(true);
        assertEquals(0, pool.control().tasksCancelled());
    }
}
