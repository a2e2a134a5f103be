package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.processpool.internal.pool.WorkerPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A worker that dies or is stopped in the middle of a chunk fails only the item it was running: the chunk's items
 * that finished keep their results, those not started run on another worker, and no item runs twice (a marker
 * file per run of an item shows it).
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class ItemBlastRadiusTest {
    private static final int ITEMS = 100;
    private static final int BAD = 49;   // the 50th

    @Parameter
    String startMethod;
    @TempDir
    Path dir;
    WorkerPool pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.terminate();
        }
    }

    /** Marks the run; item {@link #BAD} then writes its pid and hangs (swallowing interrupts) or exits. */
    static int markThen(String dir, String badBehaviour, int item) throws Exception {
        SupervisedTasks.mark(dir, item);
        if (item == BAD) {
            Files.writeString(Path.of(dir, "pid.tmp"), Long.toString(ProcessHandle.current().pid()));
            Files.move(Path.of(dir, "pid.tmp"), Path.of(dir, "pid"));
            if (badBehaviour.equals("exit")) {
                System.exit(7);
            }
            SupervisedTasks.swallowInterrupts(item);
        }
        return item * 2;
    }

    private static List<Integer> inputs() {
        return IntStream.range(0, ITEMS).boxed().toList();
    }

    /** Every item's outcome, in order: its result, or the exception it failed with. */
    private static List<Object> outcomes(Iterator<?> results) {
        List<Object> outcomes = new ArrayList<>();
        while (results.hasNext()) {
            try {
                outcomes.add(results.next());
            } catch (RuntimeException e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }

    private void assertOnly50thFailed(List<Object> outcomes, Class<? extends Throwable> failure) throws Exception {
        assertEquals(ITEMS, outcomes.size());
        for (int i = 0; i < ITEMS; i++) {
            if (i == BAD) {
                assertInstanceOf(failure, outcomes.get(i));
            } else {
                assertEquals(i * 2, outcomes.get(i), "item " + i);
            }
        }
        int[] once = new int[ITEMS];
        Arrays.fill(once, 1);
        assertArrayEquals(once, SupervisedTasks.runs(dir, ITEMS), "each item ran once");
    }

    @Test
    void aChunkWhose50thItemHangsGives99ResultsAndOneTimeout() throws Exception {
        pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(2).taskTimeout(Duration.ofSeconds(1))
                .build());
        String marks = dir.toString();
        List<Object> outcomes = outcomes(pool.imap((Integer item) -> markThen(marks, "hang", item), inputs(), ITEMS));
        assertOnly50thFailed(outcomes, TaskTimeoutException.class);
    }

    @Test
    void aWorkerKilledMidChunkFailsOnlyTheRunningItem() throws Exception {
        pool = TestPools.newPool(startMethod, 2);
        String marks = dir.toString();
        Iterator<Integer> results = pool.imapUnordered((Integer item) -> markThen(marks, "hang", item), inputs(),
                ITEMS);
        TestPools.await("the 50th item to run", Duration.ofSeconds(30), () -> Files.exists(dir.resolve("pid")));
        // the worker tells of an item running long after half a second; a kill before that fails the items after the last
        // it told of, as a death before any report did
        TestPools.await("the worker to report the 50th item", Duration.ofSeconds(10),
                () -> pool.control().longestRunningTaskMillis() > 0);
        long victim = Long.parseLong(Files.readString(dir.resolve("pid")));
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        List<Object> outcomes = outcomes(results);
        List<Object> failures = outcomes.stream().filter(o -> o instanceof Throwable).toList();
        assertEquals(1, failures.size(), outcomes::toString);
        WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, failures.get(0));
        assertEquals(victim, died.pid());
        List<Object> results99 = outcomes.stream().filter(o -> !(o instanceof Throwable)).sorted().toList();
        assertEquals(IntStream.range(0, ITEMS).filter(i -> i != BAD).mapToObj(i -> (Object) (i * 2)).toList(),
                results99);
        int[] once = new int[ITEMS];
        Arrays.fill(once, 1);
        assertArrayEquals(once, SupervisedTasks.runs(dir, ITEMS), "each item ran once");
    }

    @Test
    void anItemThatExitsFailsAloneInMap() throws Exception {
        pool = TestPools.newPool(startMethod, 2);
        String marks = dir.toString();
        WorkerDiedException died = assertThrows(WorkerDiedException.class,
                () -> pool.map((Integer item) -> markThen(marks, "exit", item), inputs(), ITEMS));
        assertEquals(7, died.exitStatus());
        int[] once = new int[ITEMS];
        Arrays.fill(once, 1);
        assertArrayEquals(once, SupervisedTasks.runs(dir, ITEMS), "each item ran once, the rest elsewhere");
    }

    @Test
    void anItemThatExitsFailsAloneInImap() throws Exception {
        pool = TestPools.newPool(startMethod, 2);
        String marks = dir.toString();
        List<Object> outcomes = outcomes(pool.imap((Integer item) -> markThen(marks, "exit", item), inputs(), ITEMS));
        assertOnly50thFailed(outcomes, WorkerDiedException.class);
    }

    /** Runs long enough to be told of, then returns what cannot be sent back. */
    static Thread slowThenUnsendable(int item) throws InterruptedException {
        Thread.sleep(800);
        return new Thread(() -> { });
    }

    @Test
    void aLongItemWhoseResultCannotBeSentFailsAloneAndTheWorkerStays() {
        pool = TestPools.newPool(startMethod, 1);
        List<Object> outcomes = outcomes(pool.imap(ItemBlastRadiusTest::slowThenUnsendable, List.of(0, 1), 2));
        assertEquals(2, outcomes.size());
        for (Object outcome : outcomes) {
            TaskFailedException failed = assertInstanceOf(TaskFailedException.class, outcome);
            assertFalse(failed instanceof WorkerDiedException, failed.getMessage());
        }
        assertEquals(0, pool.control().workerRestarts(), "the worker that told of the items stays");
    }

    @Test
    void mapAsyncKeepsTheFinishedItemsOfAChunkWhoseItemTimedOut() throws Exception {
        pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).taskTimeout(Duration.ofSeconds(1))
                .build());
        String marks = dir.toString();
        try {
            pool.mapAsync((Integer item) -> markThen(marks, "hang", item), inputs(), ITEMS).get();
            fail("the 50th item should have timed out");
        } catch (java.util.concurrent.ExecutionException e) {
            assertInstanceOf(TaskTimeoutException.class, e.getCause());
        }
        int[] once = new int[ITEMS];
        Arrays.fill(once, 1);
        assertArrayEquals(once, SupervisedTasks.runs(dir, ITEMS), "the items after the 50th ran, once");
    }
}
