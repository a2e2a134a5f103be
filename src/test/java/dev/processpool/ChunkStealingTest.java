package dev.processpool;

import static java.util.concurrent.TimeUnit.MINUTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.processpool.internal.pool.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A worker holds a second long chunk behind its running one; a worker that runs out of work asks it back, and
 * it then runs there, once.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
@Timeout(value = 2, unit = MINUTES)   // a chunk lost between two workers would leave map waiting
class ChunkStealingTest {
    private static final Duration BLOCKED_AT_MOST = Duration.ofSeconds(20);

    @Parameter
    String startMethod;

    /**
     * Item 0 blocks until item 2 has run (or {@link #BLOCKED_AT_MOST} has passed: then it says -1); item 2 marks
     * that it ran, in a file of its own per run. Each gives its worker's pid.
     */
    static long blockUntilItemTwoRan(String directory, int item) throws IOException, InterruptedException {
        Path dir = Path.of(directory);
        if (item == 0) {
            long deadline = System.nanoTime() + BLOCKED_AT_MOST.toNanos();
            while (!Files.exists(dir.resolve("released"))) {
                if (System.nanoTime() > deadline) {
                    return -1;
                }
                Thread.sleep(10);
            }
        } else if (item == 2) {
            long pid = ProcessHandle.current().pid();
            Files.createFile(dir.resolve("item-2-ran-in-" + pid + "-" + System.nanoTime()));
            Files.createFile(dir.resolve("released"));
        }
        return ProcessHandle.current().pid();
    }

    /** Sleeps {@code millis}, then marks that {@code item} of {@code run} ran: a second run of it throws. */
    static int runOnce(String directory, int run, int item, int millis) throws IOException, InterruptedException {
        Thread.sleep(millis);
        Files.createFile(Path.of(directory, run + "-" + item));
        return item;
    }

    @Test
    void manyStealsLoseNoChunkAndRunNoneTwice(@TempDir Path dir) throws IOException {
        String directory = dir.toString();
        int runs = 40;
        int items = 6;
        try (WorkerPool pool = TestPools.newPool(startMethod, 2)) {
            for (int run = 0; run < runs; run++) {
                int r = run;
                // Uneven chunks of 1 to 6 ms, long enough that workers hold two: every run's tail steals.
                List<Integer> inputs = List.of(0, 1, 2, 3, 4, 5);
                assertEquals(inputs, pool.map(item -> runOnce(directory, r, item, 1 + (item * 7 + r) % 6), inputs, 1));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(runs * items, files.count(), "every item of every run ran, once");
        }
    }

    @Test
    void aChunkWaitingBehindALongOneRunsOnceOnTheWorkerThatRanOutOfWork(@TempDir Path dir) throws IOException {
        String directory = dir.toString();
        List<Long> pids;
        try (WorkerPool pool = TestPools.newPool(startMethod, 2)) {
            // Both workers connected and no chunk run yet: the first holds items 0 and 2, the second item 1.
            TestPools.await("both workers to connect", Duration.ofSeconds(60), () -> pool.workerPids().size() == 2);

            pids = pool.map(item -> blockUntilItemTwoRan(directory, item), List.of(0, 1, 2), 1);
        }   // close() lets the workers run whatever they still hold: a second run of item 2 would show below

        assertNotEquals(-1L, pids.get(0), "item 0 waited in vain: item 2 stayed queued behind it");
        assertEquals(pids.get(1), pids.get(2), "item 2 ran on the worker that had finished item 1");
        assertNotEquals(pids.get(0), pids.get(2));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("item-2-ran")).count(),
                    "item 2 ran exactly once");
        }
    }
}
