package dev.processpool;

import static dev.processpool.PoolTasks.INITIALIZER_RUNS;
import static dev.processpool.PoolTasks.InitializerSeen;
import static dev.processpool.PoolTasks.Payload;
import static dev.processpool.PoolTasks.SquareFromPid;
import static dev.processpool.PoolTasks.sqrAfter;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.processpool.internal.pool.WorkerPool;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers: replaced after maxTasksPerChild, the initializer, a large pool, chunking, workers that cannot start.
 * Part of CPython's {@code _TestPool} (see {@link PoolTestBase}).
 */
@ForEachStartMethod
class WorkerLifetimeTest extends PoolTestBase {
    @Test
    void workersAreReplacedAfterMaxTasksPerChild() throws Exception {
        WorkerPool pool = newPool(PoolOptions.builder().processes(3).maxTasksPerChild(10).build());
        TestPools.await("3 workers ready", READY, () -> pool.workerPids().size() == 3);
        List<Long> original = pool.workerPids();
        List<CompletableFuture<SquareFromPid>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(pool.applyAsync(PoolTasks::sqrWithPid, i));
        }
        Set<Long> pids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            SquareFromPid result = results.get(i).get(120, SECONDS);
            assertEquals(i * i, result.square());
            pids.add(result.pid());
        }
        assertTrue(pids.size() > 3, "tasks ran in more than 3 workers: " + pids);
        assertTrue(pids.size() >= 10, "100 tasks at 10 per worker need at least 10 workers: " + pids);
        TestPools.await("the pool is back to 3 workers", READY, () -> pool.workerPids().size() == 3);
        List<Long> now = pool.workerPids();
        assertTrue(Collections.disjoint(original, now), "every original worker was replaced: " + original
                + " then " + now);
        pool.close();
        pool.join();
    }

    @Test
    void closeRightAfterSubmittingWithMaxTasksPerChildOneRunsEveryTask() throws Exception {
        WorkerPool pool = newPool(PoolOptions.builder().processes(3).maxTasksPerChild(1).build());
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.applyAsync((Integer x) -> sqrAfter(x, 300), i));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(120), pool::close, "close() must not hang");
        pool.join();
        for (int i = 0; i < 6; i++) {
            assertEquals(i * i, results.get(i).get(10, SECONDS));
        }
    }

    @Test
    void theInitializerRunsOnceInEveryWorkerBeforeItsFirstTask() throws InterruptedException {
        WorkerPool pool = newPool(PoolOptions.builder().processes(2).maxTasksPerChild(3)
                .initializer(PoolTasks::countInitializerRun).build());
        List<InitializerSeen> seen = pool.map(PoolTasks::initializerSeen, range(12), 1);
        for (InitializerSeen s : seen) {
            assertEquals(1, s.runs(), "the initializer ran once in worker " + s.taskPid() + ": " + seen);
            assertEquals(s.taskPid(), s.initializerPid(), "in that very worker: " + seen);
        }
        Set<Long> workers = seen.stream().map(InitializerSeen::taskPid).collect(Collectors.toSet());
        assertTrue(workers.size() > 2, "replacement workers ran it too: " + workers);
        assertEquals(0, INITIALIZER_RUNS.get(), "it never ran in this JVM");
        pool.close();
        pool.join();
    }

    @Test
    void aFailingInitializerBreaksThePoolInsteadOfRestartingWorkersForever() throws Exception {
        WorkerPool pool = newPool(PoolOptions.builder().processes(2)
                .initializer(PoolTasks::failingInitializer).build());
        CompletableFuture<Integer> result = pool.applyAsync(PoolTasks::sqr, 3);

        ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(60, SECONDS));
        TaskFailedException failure = assertInstanceOf(TaskFailedException.class, e.getCause());
        assertEquals("java.lang.IllegalStateException", failure.remoteClassName());
        assertTrue(failure.getMessage().contains("no database here"), failure.getMessage());
        assertTrue(failure.getMessage().contains("initializer"), failure.getMessage());

        assertEverySubmissionRefused(pool, "pool is broken");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            pool.close();
            pool.join();
        });
        TestPools.await("no worker of the broken pool is left", Duration.ofSeconds(10),
                () -> workersOtherThanShared().isEmpty());
    }

    @Test
    void aLargePoolComputesTheSumOfSquares() {
        try (Pool pool = newPool(16)) {
            long sum = pool.map(PoolTasks::sqr, range(1000)).stream().mapToLong(Integer::longValue).sum();
            assertEquals(332833500L, sum);
        }
    }

    @Test
    void mapCutsItsInputIntoChunksOfCeilNOverFourTimesProcessesByDefault() {
        // A pool of 4 and 40 items: chunksize ceil(40 / 16) = 3; the items of one chunk run in one worker.
        List<SquareFromPid> results = pool().map(PoolTasks::sqrWithPid, range(40));
        assertEquals(squares(40), results.stream().map(SquareFromPid::square).toList());
        for (int first = 0; first < 40; first += 3) {
            Set<Long> pids = new HashSet<>();
            for (int i = first; i < Math.min(40, first + 3); i++) {
                pids.add(results.get(i).pid());
            }
            assertEquals(1, pids.size(), "items " + first + ".." + (first + 2) + " form one chunk: " + pids);
        }
    }

    @Test
    void thePoolKeepsNoReferenceToTheInputsOrResultsOfAFinishedMap() {
        List<Payload> inputs = IntStream.range(0, 10).mapToObj(Payload::new)
                .collect(Collectors.toCollection(ArrayList::new));
        List<Payload> results = pool().map(PoolTasks::identity, inputs);
        assertEquals(inputs, results);
        List<WeakReference<Payload>> references = Stream.concat(inputs.stream(), results.stream())
                .map(WeakReference::new).toList();
        inputs.clear();
        results = null;
        TestPools.await("every input and result is collected", Duration.ofSeconds(10), () -> {
            System.gc();
            return references.stream().allMatch(reference -> reference.get() == null);
        });
    }

    @Test
    void aPoolWhoseWorkersCannotBeStartedFailsAtCreationAndLeavesNoProcess() {
        PoolOptions options = PoolOptions.builder().processes(3)
                .javaExecutable(Path.of("/nonexistent/bin/java")).build();
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> newPool(options));
        assertTrue(e.getMessage().contains("/nonexistent/bin/java"), e.getMessage());
        assertTrue(workersOtherThanShared().isEmpty(), "no worker left: " + workersOtherThanShared());
    }

    @Test
    void workersThatExitBeforeConnectingBreakThePoolInsteadOfRestartingForever(@TempDir Path dir)
            throws Exception {
        Path notAJvm = dir.resolve("not-a-jvm");
        Files.writeString(notAJvm, "#!/bin/sh\nread line\necho 'no JVM here' >&2\nexit 3\n");
        assumeTrue(notAJvm.toFile().setExecutable(true), "cannot make a script executable here");
        WorkerPool pool = newPool(PoolOptions.builder().processes(2).javaExecutable(notAJvm).build());

        Throwable failure;
        try {
            CompletableFuture<Integer> result = pool.applyAsync(PoolTasks::sqr, 3);
            failure = assertThrows(ExecutionException.class, () -> result.get(60, SECONDS)).getCause();
        } catch (IllegalStateException alreadyBroken) {
            assertTrue(alreadyBroken.getMessage().startsWith("pool is broken"), alreadyBroken.getMessage());
            failure = alreadyBroken.getCause();
        }
        TaskFailedException reason = assertInstanceOf(TaskFailedException.class, failure);
        assertTrue(reason.getMessage().contains("failed to start"), reason.getMessage());
        assertEverySubmissionRefused(pool, "pool is broken");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            pool.close();
            pool.join();
        });
    }
}
