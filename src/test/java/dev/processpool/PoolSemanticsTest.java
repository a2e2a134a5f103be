package dev.processpool;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.processpool.internal.pool.WorkerPool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code _TestPool} and the pool tests around it in {@code Lib/test/_test_multiprocessing.py}
 * (worker lifetime, initializer, unpicklable results, large pool), as they apply to processpool. Where CPython
 * raises {@code ValueError} for a pool that is not running, processpool throws {@code IllegalStateException}.
 *
 * <p>As in CPython, the tests that need no pool of their own share one pool of 4 per start method (made on first
 * use, terminated and joined after the last test of that start method). Every other pool is made through
 * {@link #newPool} and terminated after its test, whatever happens.
 *
 * <p>Tasks are static methods of this class, or lambdas capturing only plain values: they travel by name.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = MINUTES)
class PoolSemanticsTest {
    private static final Duration READY = Duration.ofSeconds(60);

    @Parameter
    String startMethod;

    /** CPython's {@code cls.pool = cls.Pool(4)}: shared by the tests of one start method. */
    private WorkerPool shared;
    private final List<WorkerPool> ownPools = new ArrayList<>();

    // ---------------------------------------------------------------- pools

    private WorkerPool pool() {
        if (shared == null) {
            shared = TestPools.newPool(startMethod, 4);
            WorkerPool ready = shared;
            TestPools.await("the 4 workers of the shared pool are ready", READY,
                    () -> ready.workerPids().size() == 4);
        }
        return shared;
    }

    private WorkerPool newPool(int processes) {
        return newPool(PoolOptions.builder().processes(processes).build());
    }

    private WorkerPool newPool(PoolOptions options) {
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
    private List<Long> workersOtherThanShared() {
        Set<Long> sharedPids = shared == null ? Set.of() : new HashSet<>(shared.workerPids());
        return TestPools.workerProcesses().stream().filter(pid -> !sharedPids.contains(pid)).toList();
    }

    private static boolean alive(long pid) {
        return TestPools.isAlive(pid);
    }

    // ---------------------------------------------------------------- tasks (they run in the workers)

    static int sqr(int x) {
        return x * x;
    }

    /** CPython's {@code sqr(x, wait)}. */
    static Integer sqrAfter(Integer x, long millis) throws InterruptedException {
        Thread.sleep(millis);
        return x * x;
    }

    static String describe(Object value) {
        return String.valueOf(value);
    }

    static Integer raise123(Integer ignored) {
        throw new RuntimeException("123");
    }

    static Integer failOnThree(Integer x) {
        if (x == 3) {
            throw new IllegalArgumentException("three is not welcome");
        }
        return x * x;
    }

    /** Leaves a mark that a worker has started a long task, then sleeps. */
    static Integer markStartedAndSleep(String dir, Integer millis) throws Exception {
        Files.writeString(Path.of(dir, "started-" + ProcessHandle.current().pid() + "-" + System.nanoTime()), "");
        Thread.sleep(millis);
        return millis;
    }

    /** CPython's {@code raise_large_valuerror}: item 0 fails at once, item 1 finishes after a second. */
    static Integer failOrFinishLate(String dir, Integer item) throws Exception {
        if (item == 0) {
            throw new IllegalArgumentException("x".repeat(1 << 20));
        }
        Thread.sleep(1000);
        Files.writeString(Path.of(dir, "item-" + item + "-done"), "done");
        return item;
    }

    public record SquareFromPid(int square, long pid) {
    }

    static SquareFromPid sqrWithPid(Integer x) {
        return new SquareFromPid(x * x, ProcessHandle.current().pid());
    }

    public record Payload(int n) {
    }

    static Payload identity(Payload payload) {
        return payload;
    }

    public record InitializerSeen(int runs, long initializerPid, long taskPid) {
    }

    /** Initializer runs in this JVM: in the test JVM it stays 0, in each worker it counts that worker's runs. */
    static final AtomicInteger INITIALIZER_RUNS = new AtomicInteger();
    static volatile long initializerPid = -1;

    static void countInitializerRun() {
        INITIALIZER_RUNS.incrementAndGet();
        initializerPid = ProcessHandle.current().pid();
    }

    static InitializerSeen initializerSeen(Integer ignored) {
        return new InitializerSeen(INITIALIZER_RUNS.get(), initializerPid, ProcessHandle.current().pid());
    }

    static void failingInitializer() {
        throw new IllegalStateException("no database here");
    }

    /** A result JSON-B cannot write: its only property throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("this property cannot be read");
        }
    }

    static Unwritable unwritableResult(Integer ignored) {
        return new Unwritable();
    }

    static Thread threadResult(Integer ignored) {
        return new Thread(() -> { }, "a thread of the worker");
    }

    static NoDefaultConstructor unreadableResult(Integer x) {
        return new NoDefaultConstructor(x);
    }

    static Object unreadableAtOne(Integer x) {
        return x == 1 ? new NoDefaultConstructor(x) : (Object) (x * x);
    }

    static Object unwritableAtOne(Integer x) {
        return x == 1 ? new Unwritable() : (Object) (x * x);
    }

    // ---------------------------------------------------------------- inputs

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static List<Integer> squares(int n) {
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

    /** An input JSON-B can write but not read back: no no-argument constructor. */
    public static final class NoDefaultConstructor {
        private final int value;

        public NoDefaultConstructor(int value) {
            this.value = value;
        }

        public int getValue() {
            return value;
        }
    }

    // ================================================================ apply, map, mapAsync

    @Test
    void applyRunsTheFunctionInAWorkerAndReturnsItsResult() {
        assertEquals(25, pool().apply(PoolSemanticsTest::sqr, 5));
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
        assertEquals(squares(10), pool().map(PoolSemanticsTest::sqr, range(10)));
    }

    @Test
    void mapOf100ItemsWithChunksize20ReturnsResultsInInputOrder() {
        assertEquals(squares(100), pool().map(PoolSemanticsTest::sqr, range(100), 20));
    }

    @Test
    void mapOfManyItemsInChunksNotAlignedToAnythingReturnsResultsInInputOrder() {
        assertEquals(squares(40_000), pool().map(PoolSemanticsTest::sqr, range(40_000), 7_001));
    }

    @Test
    void mapAsyncTakesItsInputAsItWasWhenCalled() throws Exception {
        List<Integer> inputs = new ArrayList<>(range(100));
        CompletableFuture<List<Integer>> squares = pool().mapAsync(PoolSemanticsTest::sqr, inputs, 10);
        Collections.fill(inputs, -1);
        assertEquals(squares(100), squares.get(60, SECONDS));
    }

    @Test
    void mapReadsAnIterableThatIsNotACollection() {
        assertEquals(squares(10), pool().map(PoolSemanticsTest::sqr, new FailingInput(10, Integer.MAX_VALUE)));
    }

    @Test
    void mapKeepsInputOrderWhenLaterItemsFinishFirst() {
        assertEquals(squares(8), pool().map((Integer x) -> sqrAfter(x, (8 - x) * 60L), range(8), 1));
    }

    @Test
    void mapAsyncReturnsTheOrderedList() throws Exception {
        assertEquals(squares(10), pool().mapAsync(PoolSemanticsTest::sqr, range(10)).get(60, SECONDS));
        assertEquals(squares(100), pool().mapAsync(PoolSemanticsTest::sqr, range(100), 20).get(60, SECONDS));
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
        Integer fallback = pool().applyAsync(PoolSemanticsTest::raise123, 1)
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

    // ================================================================ what cannot be sent

    @Test
    void anInputThatCannotBeSentIsRefusedNamingItsTypeAndThePoolStillWorks() throws Exception {
        List<Object> withThread = List.of("fine", new Thread(() -> { }));
        IllegalArgumentException thread = assertThrows(IllegalArgumentException.class,
                () -> pool().map(PoolSemanticsTest::describe, withThread));
        assertTrue(thread.getMessage().contains("java.lang.Thread"), thread.getMessage());

        List<Object> withUnreadable = List.of("fine", new NoDefaultConstructor(1));
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class,
                () -> pool().map(PoolSemanticsTest::describe, withUnreadable, 1));
        assertTrue(unreadable.getMessage().contains(NoDefaultConstructor.class.getName()), unreadable.getMessage());

        assertEquals(squares(10), pool().map(PoolSemanticsTest::sqr, range(10)));
    }

    @Test
    void everySubmittingMethodRefusesAnInputThatCannotBeSentAtTheCall() {
        Thread unsendable = new Thread(() -> { });
        List<Object> inputs = List.of(unsendable);
        List<Executable> calls = List.of(
                () -> pool().apply(PoolSemanticsTest::describe, unsendable),
                () -> pool().applyAsync(PoolSemanticsTest::describe, unsendable),
                () -> pool().mapAsync(PoolSemanticsTest::describe, inputs),
                () -> pool().imap(PoolSemanticsTest::describe, inputs, 1),
                () -> pool().imapUnordered(PoolSemanticsTest::describe, inputs, 1));
        for (Executable call : calls) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
        }
        assertEquals(9, pool().apply(PoolSemanticsTest::sqr, 3));
    }

    @Test
    void aResultJsonbCannotWriteFailsThatTaskTwentyTimesAndThePoolStillWorks() {
        WorkerPool pool = newPool(2);
        for (int i = 0; i < 20; i++) {
            int item = i;
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolSemanticsTest::unwritableResult, item), "round " + i);
            assertFalse(e instanceof WorkerDiedException, "round " + i + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(Unwritable.class.getName()), e.getMessage());
        }
        assertEquals(squares(10), pool.map(PoolSemanticsTest::sqr, range(10)));
    }

    @Test
    void aThreadAsResultFailsThatTaskTwentyTimesAndThePoolStillWorks() {
        WorkerPool pool = newPool(2);
        for (int i = 0; i < 20; i++) {
            int item = i;
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolSemanticsTest::threadResult, item), "round " + i);
            assertFalse(e instanceof WorkerDiedException, "round " + i + ": a result that cannot be sent must"
                    + " fail its task, not crash the worker: " + e.getMessage());
            assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
        }
        assertEquals(squares(10), pool.map(PoolSemanticsTest::sqr, range(10)));
    }

    @Test
    void aResultThatCannotBeSentFailsOnlyItsItem() {
        Iterator<Object> results = pool().imap(PoolSemanticsTest::unwritableAtOne, range(3), 3);
        assertEquals(0, results.next());
        assertThrows(TaskFailedException.class, results::next);
        assertEquals(4, results.next());
        assertFalse(results.hasNext());
    }

    @Test
    void aResultJsonbCannotReadBackFailsItsTaskWithTaskFailedException() {
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> pool().apply(PoolSemanticsTest::unreadableResult, 1));
        assertTrue(e.getMessage().contains(NoDefaultConstructor.class.getName()), e.getMessage());
        assertEquals(9, pool().apply(PoolSemanticsTest::sqr, 3));
    }

    @Test
    void aResultJsonbCannotReadBackFailsOnlyItsItem() {
        Iterator<Object> results = pool().imap(PoolSemanticsTest::unreadableAtOne, range(3), 3);
        assertEquals(0, results.next());
        assertThrows(TaskFailedException.class, results::next);
        assertEquals(4, results.next());
        assertFalse(results.hasNext());
    }

    // ================================================================ empty input

    @Test
    void emptyInputGivesEmptyResultsForEveryMapMethod() throws Exception {
        assertEquals(List.of(), pool().map(PoolSemanticsTest::sqr, List.<Integer>of()));
        assertEquals(List.of(), pool().map(PoolSemanticsTest::sqr, List.<Integer>of(), 1));
        assertFalse(pool().imap(PoolSemanticsTest::sqr, List.<Integer>of(), 1).hasNext());
        assertFalse(pool().imapUnordered(PoolSemanticsTest::sqr, List.<Integer>of(), 1).hasNext());
        assertEquals(List.of(), pool().mapAsync(PoolSemanticsTest::sqr, List.<Integer>of()).get(60, SECONDS));
    }

    @Test
    void mapAsyncOfEmptyInputIsDoneAtOnceWithChunksizeOne() throws Exception {
        assertEquals(List.of(), pool().mapAsync(PoolSemanticsTest::sqr, List.<Integer>of(), 1).get(100, MILLISECONDS));
    }

    @Test
    void emptyIterableThatIsNotACollectionGivesEmptyResults() {
        FailingInput empty = new FailingInput(0, Integer.MAX_VALUE);
        assertEquals(List.of(), pool().map(PoolSemanticsTest::sqr, empty));
        assertThrows(NoSuchElementException.class, () -> pool().imap(PoolSemanticsTest::sqr, empty, 1).next());
        assertThrows(NoSuchElementException.class, () -> pool().imapUnordered(PoolSemanticsTest::sqr, empty, 1).next());
    }

    // ================================================================ input that throws

    @Test
    void mapRethrowsTheInputErrorItselfAndThePoolStillWorks() {
        for (int round = 0; round < 2; round++) {
            for (FailingInput input : List.of(new FailingInput(1, -1), new FailingInput(10, 3))) {
                SayWhenError e = assertThrows(SayWhenError.class,
                        () -> pool().map(PoolSemanticsTest::sqr, input, 1));
                assertSame(input.thrown, e);
            }
            BrokenCollection sized = new BrokenCollection();
            SayWhenError e = assertThrows(SayWhenError.class, () -> pool().map(PoolSemanticsTest::sqr, sized, 1));
            assertSame(sized.thrown, e);

            assertEquals(squares(10), pool().map(PoolSemanticsTest::sqr, range(10)), "round " + round);
        }
    }

    @Test
    void theInputErrorIsNotWrappedAsARemoteFailure() {
        FailingInput input = new FailingInput(10, 3);
        SayWhenError e = assertThrows(SayWhenError.class, () -> pool().map(PoolSemanticsTest::sqr, input));
        assertSame(input.thrown, e);
        assertNull(e.getCause(), "no remote trace attached");
    }

    @Test
    void imapOfAnInputThatFailsAtOnceThrowsTheInputErrorOnTheFirstNext() {
        for (int round = 0; round < 2; round++) {
            FailingInput input = new FailingInput(1, -1);
            Iterator<Integer> results = pool().imap(PoolSemanticsTest::sqr, input, 1);
            SayWhenError e = assertThrows(SayWhenError.class, results::next);
            assertSame(input.thrown, e);
        }
        assertEquals(squares(10), toList(pool().imap(PoolSemanticsTest::sqr, range(10), 1)));
    }

    @Test
    void imapYieldsResultsBeforeTheFailingChunkThenThrowsTheInputError() {
        for (int round = 0; round < 2; round++) {
            assertImapYieldsThenThrows(10, 3, 1, squares(3));
            // The chunk holding item 6 is lost: [0,1] [2,3] [4,5] are done, [6, error] is not.
            assertImapYieldsThenThrows(20, 7, 2, squares(6));
            // [0..3] done, [4,5,6, error] lost.
            assertImapYieldsThenThrows(20, 7, 4, squares(4));
        }
        assertEquals(squares(10), toList(pool().imap(PoolSemanticsTest::sqr, range(10), 2)));
    }

    private void assertImapYieldsThenThrows(int total, int when, int chunksize, List<Integer> expected) {
        FailingInput input = new FailingInput(total, when);
        Iterator<Integer> results = pool().imap(PoolSemanticsTest::sqr, input, chunksize);
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            got.add(results.next());
        }
        assertEquals(expected, got, "gen(" + total + ", " + when + ") with chunksize " + chunksize);
        SayWhenError e = assertThrows(SayWhenError.class, results::next);
        assertSame(input.thrown, e);
        assertFalse(results.hasNext(), "nothing after the input error");
    }

    @Test
    void imapUnorderedOfAnInputThatFailsAtOnceThrowsTheInputErrorOnTheFirstNext() {
        for (int round = 0; round < 2; round++) {
            FailingInput input = new FailingInput(1, -1);
            Iterator<Integer> results = pool().imapUnordered(PoolSemanticsTest::sqr, input, 1);
            SayWhenError e = assertThrows(SayWhenError.class, results::next);
            assertSame(input.thrown, e);
        }
        assertEquals(new HashSet<>(squares(10)), new HashSet<>(toList(
                pool().imapUnordered(PoolSemanticsTest::sqr, range(10), 1))));
    }

    @Test
    void imapUnorderedYieldsDistinctExpectedValuesThenThrowsTheInputError() {
        for (int round = 0; round < 2; round++) {
            assertImapUnorderedYieldsDistinctThenThrows(10, 3, 1);
            assertImapUnorderedYieldsDistinctThenThrows(20, 7, 2);
        }
        assertEquals(new HashSet<>(squares(10)), new HashSet<>(toList(
                pool().imapUnordered(PoolSemanticsTest::sqr, range(10), 2))));
    }

    private void assertImapUnorderedYieldsDistinctThenThrows(int total, int when, int chunksize) {
        FailingInput input = new FailingInput(total, when);
        Iterator<Integer> results = pool().imapUnordered(PoolSemanticsTest::sqr, input, chunksize);
        Set<Integer> expected = new HashSet<>(squares(when));
        List<Integer> got = new ArrayList<>();
        SayWhenError thrown = null;
        for (int i = 0; i < total && thrown == null; i++) {
            try {
                got.add(results.next());
            } catch (SayWhenError e) {
                thrown = e;
            }
        }
        assertNotNull(thrown, "the input error was thrown before " + total + " values; got " + got);
        assertSame(input.thrown, thrown);
        assertEquals(got.size(), new HashSet<>(got).size(), "distinct values: " + got);
        assertTrue(expected.containsAll(got), "only squares of items before the error: " + got);
    }

    // ================================================================ imap, imapUnordered

    @Test
    void imapYieldsResultsInInputOrderThenNoSuchElement() {
        Iterator<Integer> results = pool().imap(PoolSemanticsTest::sqr, range(10), 1);
        for (int i = 0; i < 10; i++) {
            assertEquals(i * i, results.next());
        }
        assertFalse(results.hasNext());
        assertThrows(NoSuchElementException.class, results::next);

        Iterator<Integer> many = pool().imap(PoolSemanticsTest::sqr, range(1000), 100);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i * i, many.next());
        }
        assertThrows(NoSuchElementException.class, many::next);
    }

    @Test
    void imapKeepsInputOrderWhenLaterItemsFinishFirst() {
        assertEquals(squares(8), toList(pool().imap((Integer x) -> sqrAfter(x, (8 - x) * 60L), range(8), 1)));
    }

    @Test
    void imapThrowsAFailedItemsErrorAtThatItemAndGoesOn() {
        Iterator<Integer> results = pool().imap(PoolSemanticsTest::failOnThree, range(6), 1);
        assertEquals(List.of(0, 1, 4), List.of(results.next(), results.next(), results.next()));
        TaskFailedException e = assertThrows(TaskFailedException.class, results::next);
        assertEquals("java.lang.IllegalArgumentException", e.remoteClassName());
        assertEquals(List.of(16, 25), List.of(results.next(), results.next()));
        assertFalse(results.hasNext());
    }

    @Test
    void imapUnorderedGivesEveryResultOnce() {
        assertEquals(sortedCopy(squares(10)), sortedCopy(toList(
                pool().imapUnordered(PoolSemanticsTest::sqr, range(10), 1))));
        assertEquals(sortedCopy(squares(1000)), sortedCopy(toList(
                pool().imapUnordered(PoolSemanticsTest::sqr, range(1000), 100))));
    }

    @Test
    void imapUnorderedYieldsInCompletionOrder() {
        Iterator<Integer> results = pool().imapUnordered((Integer x) -> sqrAfter(x, x == 0 ? 3000L : 0L), range(8), 1);
        List<Integer> got = toList(results);
        assertNotEquals(0, got.get(0), "item 0 sleeps 3 s, the others do not: " + got);
        assertEquals(0, got.get(got.size() - 1), "item 0 finishes last: " + got);
        assertEquals(sortedCopy(squares(8)), sortedCopy(got));
    }

    // ================================================================ failures of tasks

    @Test
    void aTaskFailureCarriesTheRemoteClassTheMessageAndTheWorkersStackTrace() {
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> pool().apply(PoolSemanticsTest::raise123, 1));
        assertEquals("java.lang.RuntimeException", e.remoteClassName());
        assertTrue(e.getMessage().contains("123"), e.getMessage());

        Throwable remote = e.getCause();
        assertNotNull(remote, "the remote stack trace is kept as the cause");
        List<StackTraceElement> frames = Arrays.asList(remote.getStackTrace());
        assertTrue(frames.stream().anyMatch(f -> f.getClassName().equals(PoolSemanticsTest.class.getName())
                && f.getMethodName().equals("raise123")), "the task's own frame: " + frames);
        assertTrue(frames.stream().anyMatch(f -> f.getClassName().startsWith("dev.processpool.internal.worker.")),
                "the frames are the worker's: " + frames);
        assertFalse(frames.stream().anyMatch(f -> f.getMethodName().startsWith("aTaskFailureCarries")),
                "no frame of the caller's thread in the remote trace: " + frames);

        StringWriter printed = new StringWriter();
        e.printStackTrace(new PrintWriter(printed));
        assertTrue(printed.toString().contains("raise123(PoolSemanticsTest.java:"), printed.toString());
    }

    @Test
    void mapHasNoFailFastTheOtherItemsStillRunToCompletion(@TempDir Path dir) {
        WorkerPool pool = newPool(2);
        TestPools.await("2 workers ready", READY, () -> pool.workerPids().size() == 2);
        String marks = dir.toString();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> pool.map((Integer item) -> failOrFinishLate(marks, item), List.of(0, 1), 1));
        assertEquals("java.lang.IllegalArgumentException", e.remoteClassName());
        assertTimeoutPreemptively(Duration.ofSeconds(60), pool::close, "close() must not deadlock");
        assertTrue(Files.exists(dir.resolve("item-1-done")), "item 1 ran to completion after item 0 failed");
    }

    // ================================================================ life cycle

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
        assertTrue(pids.stream().noneMatch(PoolSemanticsTest::alive), "workers exited after close: " + pids);
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
        CompletableFuture<Integer> queued = pool.applyAsync(PoolSemanticsTest::sqr, 3);
        TestPools.await("the 3 workers run a long task", READY, () -> countFiles(dir) >= 3);
        List<Long> pids = pool.workerPids();

        long start = System.nanoTime();
        pool.terminate();
        pool.join();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "terminate() and join() took " + took);
        assertTrue(pids.stream().noneMatch(PoolSemanticsTest::alive), "busy workers were stopped: " + pids);
        Throwable queuedFailure = failureOf(queued);
        assertInstanceOf(CancellationException.class, queuedFailure, "the queued task: " + queuedFailure);
        Throwable runningFailure = failureOf(all);
        assertInstanceOf(CancellationException.class, runningFailure,
                "the map whose first items were running: " + runningFailure);
    }

    /** What the future failed with, waiting for it a little: its CancellationException, or its cause. */
    private static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
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

    private static void assertEverySubmissionRefused(Pool pool, String messageStart) {
        List<Integer> one = List.of(1);
        List<Executable> calls = List.of(
                () -> pool.apply(PoolSemanticsTest::sqr, 1),
                () -> pool.applyAsync(PoolSemanticsTest::sqr, 1),
                () -> pool.map(PoolSemanticsTest::sqr, one),
                () -> pool.map(PoolSemanticsTest::sqr, one, 1),
                () -> pool.map(PoolSemanticsTest::sqr, List.<Integer>of()),
                () -> pool.mapAsync(PoolSemanticsTest::sqr, one),
                () -> pool.mapAsync(PoolSemanticsTest::sqr, one, 1),
                () -> pool.imap(PoolSemanticsTest::sqr, one, 1),
                () -> pool.imapUnordered(PoolSemanticsTest::sqr, one, 1));
        for (int i = 0; i < calls.size(); i++) {
            IllegalStateException e = assertThrows(IllegalStateException.class, calls.get(i), "call #" + i);
            assertTrue(e.getMessage().startsWith(messageStart), "call #" + i + ": " + e.getMessage());
        }
    }

    @Test
    void joinWhileRunningThrowsIllegalStateException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool().join());
        assertTrue(e.getMessage().contains("still running"), e.getMessage());
        assertEquals(9, pool().apply(PoolSemanticsTest::sqr, 3), "the pool goes on");
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
            assertEquals(squares(10), pool.mapAsync(PoolSemanticsTest::sqr, range(10)).get(60, SECONDS));
            TestPools.await("2 workers ready", READY, () -> pool.workerPids().size() == 2);
            pids = pool.workerPids();
        }
        assertTimeoutPreemptively(Duration.ofSeconds(10), escaped::join);
        assertTrue(pids.stream().noneMatch(PoolSemanticsTest::alive), "workers exited: " + pids);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> escaped.mapAsync(PoolSemanticsTest::sqr, range(10)));
        assertEquals("pool is closed", e.getMessage());
    }

    // ================================================================ workers: lifetime, initializer, size

    @Test
    void workersAreReplacedAfterMaxTasksPerChild() throws Exception {
        WorkerPool pool = newPool(PoolOptions.builder().processes(3).maxTasksPerChild(10).build());
        TestPools.await("3 workers ready", READY, () -> pool.workerPids().size() == 3);
        List<Long> original = pool.workerPids();
        List<CompletableFuture<SquareFromPid>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(pool.applyAsync(PoolSemanticsTest::sqrWithPid, i));
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
                .initializer(PoolSemanticsTest::countInitializerRun).build());
        List<InitializerSeen> seen = pool.map(PoolSemanticsTest::initializerSeen, range(12), 1);
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
                .initializer(PoolSemanticsTest::failingInitializer).build());
        CompletableFuture<Integer> result = pool.applyAsync(PoolSemanticsTest::sqr, 3);

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
            long sum = pool.map(PoolSemanticsTest::sqr, range(1000)).stream().mapToLong(Integer::longValue).sum();
            assertEquals(332833500L, sum);
        }
    }

    @Test
    void mapCutsItsInputIntoChunksOfCeilNOverFourTimesProcessesByDefault() {
        // A pool of 4 and 40 items: chunksize ceil(40 / 16) = 3; the items of one chunk run in one worker.
        List<SquareFromPid> results = pool().map(PoolSemanticsTest::sqrWithPid, range(40));
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
        List<Payload> results = pool().map(PoolSemanticsTest::identity, inputs);
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
            CompletableFuture<Integer> result = pool.applyAsync(PoolSemanticsTest::sqr, 3);
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

    // ---------------------------------------------------------------- helpers

    private static <T> List<T> toList(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private static List<Integer> sortedCopy(List<Integer> values) {
        return values.stream().sorted().toList();
    }

    private static long countFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
