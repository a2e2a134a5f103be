package dev.processpool;

import static dev.processpool.PoolTasks.sqrAfter;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * apply, map and mapAsync: results in input order, callbacks, timeouts. Part of CPython's {@code _TestPool} (see
 * {@link PoolTestBase}).
 */
@ForEachStartMethod
class ApplyAndMapTest extends PoolTestBase {
    @Test
    void applyRunsTheFunctionInAWorkerAndReturnsItsResult() {
        assertEquals(25, pool().apply(PoolTasks::sqr, 5));
        long workerPid = pool().apply((Integer ignored) -> ProcessHandle.current().pid(), 0);
        assertNotEquals(ProcessHandle.current().pid(), workerPid);
        assertTrue(pool().workerPids().contains(workerPid), "ran in one of the pool's workers");
    }

    @Test
    void applyAsyncOfASlowTaskGivesItsResult() throws Exception {
        assertEquals(49, pool().applyAsync((Integer x) -> sqrAfter(x, 100), 7).get(60, SECONDS));
    }

    @Test
    void mapReturnsResultsInInputOrder() {
        assertEquals(squares(10), pool().map(PoolTasks::sqr, range(10)));
    }

    @Test
    void mapOf100ItemsWithChunksize20ReturnsResultsInInputOrder() {
        assertEquals(squares(100), pool().map(PoolTasks::sqr, range(100), 20));
    }

    @Test
    void mapOfManyItemsInChunksNotAlignedToAnythingReturnsResultsInInputOrder() {
        assertEquals(squares(40_000), pool().map(PoolTasks::sqr, range(40_000), 7_001));
    }

    @Test
    void mapAsyncTakesItsInputAsItWasWhenCalled() throws Exception {
        List<Integer> inputs = new ArrayList<>(range(100));
        CompletableFuture<List<Integer>> squares = pool().mapAsync(PoolTasks::sqr, inputs, 10);
        Collections.fill(inputs, -1);
        assertEquals(squares(100), squares.get(60, SECONDS));
    }

    @Test
    void mapReadsAnIterableThatIsNotACollection() {
        assertEquals(squares(10), pool().map(PoolTasks::sqr, new FailingInput(10, Integer.MAX_VALUE)));
    }

    @Test
    void mapKeepsInputOrderWhenLaterItemsFinishFirst() {
        assertEquals(squares(8), pool().map((Integer x) -> sqrAfter(x, (8 - x) * 60L), range(8), 1));
    }

    @Test
    void mapAsyncReturnsTheOrderedList() throws Exception {
        assertEquals(squares(10), pool().mapAsync(PoolTasks::sqr, range(10)).get(60, SECONDS));
        assertEquals(squares(100), pool().mapAsync(PoolTasks::sqr, range(100), 20).get(60, SECONDS));
    }

    @Test
    void mapAsyncCallsItsCallbackOnceWithTheWholeList() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Object> values = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        pool().<String, Integer>mapAsync(Integer::parseInt, List.of("1"))
                .whenComplete((value, error) -> {
                    calls.incrementAndGet();
                    values.add(value);
                    errors.add(error == null ? new NullPointerException("no error") : error);
                })
                .get(60, SECONDS);
        assertEquals(1, calls.get());
        assertEquals(List.of(List.of(1)), values);
        assertInstanceOf(NullPointerException.class, errors.get(0), "no error was passed");
    }

    @Test
    void mapAsyncWithAFailingItemCallsItsCallbackOnceWithTheFailureAndNoResult() {
        AtomicInteger calls = new AtomicInteger();
        List<Object> values = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CompletableFuture<List<Integer>> dependent = pool().<String, Integer>mapAsync(Integer::parseInt, List.of("a"))
                .whenComplete((value, error) -> {
                    calls.incrementAndGet();
                    values.add(value == null ? "no value" : value);
                    errors.add(error);
                });
        ExecutionException e = assertThrows(ExecutionException.class, () -> dependent.get(60, SECONDS));
        assertEquals(1, calls.get());
        assertEquals(List.of("no value"), values);
        TaskFailedException failure = assertInstanceOf(TaskFailedException.class, errors.get(0));
        assertSame(failure, e.getCause());
        assertEquals("java.lang.NumberFormatException", failure.remoteClassName());
        assertTrue(failure.getMessage().contains("\"a\""), failure.getMessage());
    }

    @Test
    void applyAsyncFailureReachesTheErrorCallback() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Integer fallback = pool().applyAsync(PoolTasks::raise123, 1)
                .exceptionally(error -> {
                    errors.add(error);
                    return -1;
                })
                .get(60, SECONDS);
        assertEquals(-1, fallback);
        assertEquals(1, errors.size());
        TaskFailedException failure = assertInstanceOf(TaskFailedException.class, errors.get(0));
        assertEquals("java.lang.RuntimeException", failure.remoteClassName());
    }

    @Test
    void applyAsyncGetWithATimeoutShorterThanTheTaskThrowsTimeoutExceptionAndTheTaskGoesOn() throws Exception {
        CompletableFuture<Integer> result = pool().applyAsync((Integer x) -> sqrAfter(x, 1000), 6);
        assertThrows(TimeoutException.class, () -> result.get(100, MILLISECONDS));
        assertEquals(36, result.get(60, SECONDS));
    }
}
