package dev.processpool;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.pool.WorkerPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * CPython's {@code _TestPool} and the pool tests around it in {@code Lib/test/_test_multiprocessing.py}
 * (worker lifetime, initializer, unpicklable results, large pool), as they apply to processpool. Where CPython
 * raises {@code ValueError} for a pool that is not running, processpool throws {@code IllegalStateException}.
 *
 * <p>As in CPython, the tests that need no pool of their own share one pool of 4 per start method (made on first
 * use, terminated and joined after the last test of that start method). Every other pool is made through
 * {@link #newPool} and terminated after its test, whatever happens.
 *
 * <p>Tasks are static methods of {@link PoolTasks}, or lambdas capturing only plain values: they travel by name.
 * Each behaviour group is a class of its own that extends this one, and has its own shared pool.
 */
abstract class PoolTestBase {
    static final Duration READY = Duration.ofSeconds(60);

    @Parameter
    String startMethod;

    /** CPython's {@code cls.pool = cls.Pool(4)}: shared by the tests of one start method. */
    private WorkerPool shared;
    private final List<WorkerPool> ownPools = new ArrayList<>();

    // ---------------------------------------------------------------- pools

    WorkerPool pool() {
        if (shared == null) {
            shared = TestPools.newPool(startMethod, 4);
            WorkerPool ready = shared;
            TestPools.await("the 4 workers of the shared pool are ready", READY,
                    () -> ready.workerPids().size() == 4);
        }
        return shared;
    }

    WorkerPool newPool(int processes) {
        return newPool(PoolOptions.builder().processes(processes).build());
    }

    WorkerPool newPool(PoolOptions options) {
        WorkerPool pool = TestPools.newPool(startMethod, options);
        ownPools.add(pool);
        return pool;
    }

    @AfterEach
    void stopOwnPools() throws InterruptedException {
        for (WorkerPool pool : ownPools) {
            pool.terminate();
            pool.join();
        }
        ownPools.clear();
    }

    @AfterParameterizedClassInvocation
    void stopSharedPoolAndCheckNoWorkerIsLeft() throws InterruptedException {
        stopSharedPool();
        TestPools.await("no worker process left after the " + startMethod + " tests", Duration.ofSeconds(10),
                () -> TestPools.workerProcesses().isEmpty());
    }

    @AfterAll
    void stopSharedPool() throws InterruptedException {
        if (shared != null) {
            shared.terminate();
            shared.join();
            shared = null;
        }
    }

    /** Live worker processes of this JVM that are not the shared pool's. */
    List<Long> workersOtherThanShared() {
        Set<Long> sharedPids = shared == null ? Set.of() : new HashSet<>(shared.workerPids());
        return TestPools.workerProcesses().stream().filter(pid -> !sharedPids.contains(pid)).toList();
    }

    static boolean alive(long pid) {
        return TestPools.isAlive(pid);
    }

    // ---------------------------------------------------------------- inputs

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    static List<Integer> squares(int n) {
        return IntStream.range(0, n).map(x -> x * x).boxed().toList();
    }

    /** CPython's {@code SayWhenError}, a {@code ValueError}. */
    static final class SayWhenError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SayWhenError(String message) {
            super(message);
        }
    }

    /**
     * CPython's {@code exception_throwing_generator(total, when)}: yields {@code 0..when-1} of {@code 0..total-1},
     * then throws {@link SayWhenError}; with {@code when == -1} the first {@code next()} throws. Not a
     * collection, so it is read lazily. {@link #thrown} is the instance it threw.
     */
    static final class FailingInput implements Iterable<Integer> {
        final int total;
        final int when;
        volatile SayWhenError thrown;

        FailingInput(int total, int when) {
            this.total = total;
            this.when = when;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < total;
                }

                @Override
                public Integer next() {
                    if (when == -1 || next == when) {
                        thrown = new SayWhenError("Somebody said when, at item " + next);
                        throw thrown;
                    }
                    if (next >= total) {
                        throw new NoSuchElementException();
                    }
                    return next++;
                }
            };
        }
    }

    /** CPython's {@code SpecialIterable}: a sized collection (one item) whose iterator throws. */
    static final class BrokenCollection extends AbstractCollection<Integer> {
        volatile SayWhenError thrown;

        @Override
        public int size() {
            return 1;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Integer next() {
                    thrown = new SayWhenError("Somebody said when, in a sized collection");
                    throw thrown;
                }
            };
        }
    }



    // ---------------------------------------------------------------- helpers

    static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            Object value = future.get(10, SECONDS);
            return new AssertionError("completed normally with " + value);
        } catch (CancellationException e) {
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new AssertionError("not done 10 s after terminate()", e);
        }
    }

    static void assertEverySubmissionRefused(Pool pool, String messageStart) {
        List<Integer> one = List.of(1);
        List<Executable> calls = List.of(
                () -> pool.apply(PoolTasks::sqr, 1),
                () -> pool.applyAsync(PoolTasks::sqr, 1),
                () -> pool.map(PoolTasks::sqr, one),
                () -> pool.map(PoolTasks::sqr, one, 1),
                () -> pool.map(PoolTasks::sqr, List.<Integer>of()),
                () -> pool.mapAsync(PoolTasks::sqr, one),
                () -> pool.mapAsync(PoolTasks::sqr, one, 1),
                () -> pool.imap(PoolTasks::sqr, one, 1),
                () -> pool.imapUnordered(PoolTasks::sqr, one, 1));
        for (int i = 0; i < calls.size(); i++) {
            IllegalStateException e = assertThrows(IllegalStateException.class, calls.get(i), "call #" + i);
            assertTrue(e.getMessage().startsWith(messageStart), "call #" + i + ": " + e.getMessage());
        }
    }

    static <T> List<T> toList(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    static List<Integer> sortedCopy(List<Integer> values) {
        return values.stream().sorted().toList();
    }

    static long countFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
