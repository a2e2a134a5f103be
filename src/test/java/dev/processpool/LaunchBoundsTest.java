package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.config.ProcessCeiling;
import dev.processpool.internal.pool.WorkerPool;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A pool never has more launches queued or running than workers it still needs, and sizes have a ceiling: one
 * resize to a huge size started a fork storm that went on after the pool was made small again, and after it
 * stopped. Counted in real child processes (spawn: the workers are this JVM's children).
 */
class LaunchBoundsTest {
    private static final Duration READY = Duration.ofSeconds(60);

    @Test
    void aLargeResizeThenASmallOneStartsNoMoreThanAFewWorkers() throws Exception {
        Set<Long> before = new HashSet<>(TestPools.workerProcesses());
        try (WorkerPool pool = TestPools.newPool("spawn", 1)) {
            pool.apply(LaunchBoundsTest::twice, 1);
            Set<Long> started = new HashSet<>(TestPools.workerProcesses());

            pool.control().resize(40);
            pool.control().resize(1);

            watchNewWorkers(started, Duration.ofSeconds(5));
            started.removeAll(before);
            assertTrue(started.size() <= 4, "after resize(40) then resize(1), " + started.size()
                    + " worker processes were started: " + started);
            TestPools.await("no more worker processes than asked", READY,
                    () -> without(TestPools.workerProcesses(), before).size() <= 1,
                    () -> "workers: " + without(TestPools.workerProcesses(), before));
            assertEquals(2, pool.apply(LaunchBoundsTest::twice, 1));
        }
    }

    @Test
    void aPoolTerminatedDuringALargeLaunchStartsNothingAfter() throws Exception {
        Set<Long> before = new HashSet<>(TestPools.workerProcesses());
        WorkerPool pool = TestPools.newPool("spawn", 1);
        pool.apply(LaunchBoundsTest::twice, 1);

        pool.control().resize(40);
        pool.terminate();

        Set<Long> afterTerminate = new HashSet<>(TestPools.workerProcesses());
        Set<Long> seen = new HashSet<>(afterTerminate);
        watchNewWorkers(seen, Duration.ofSeconds(3));
        seen.removeAll(afterTerminate);
        assertEquals(Set.of(), seen, "worker processes started after terminate() returned");
        TestPools.await("every worker of the terminated pool gone", READY,
                () -> without(TestPools.workerProcesses(), before).isEmpty());
    }

    @Test
    void sizesAboveTheCeilingAreRefusedWithTheCeilingAndItsProperty() {
        int ceiling = ProcessCeiling.value();
        IllegalArgumentException options = assertThrows(IllegalArgumentException.class,
                () -> PoolOptions.builder().processes(ceiling + 1));
        assertTrue(options.getMessage().contains("above the ceiling of " + ceiling)
                && options.getMessage().contains("processpool.maxProcesses"), options.getMessage());

        try (WorkerPool pool = TestPools.newPool("spawn", 1)) {
            IllegalArgumentException resize = assertThrows(IllegalArgumentException.class,
                    () -> pool.control().resize(100_000));
            assertTrue(resize.getMessage().contains("asks for 100000 worker processes, above the ceiling of "
                    + ceiling) && resize.getMessage().contains("processpool.maxProcesses"), resize.getMessage());
            assertEquals(1, pool.processes());
        }
    }

    @Test
    void theCeilingIsConfigurable() {
        String previous = System.getProperty(ProcessCeiling.PROPERTY);
        System.setProperty(ProcessCeiling.PROPERTY, "3");
        try (WorkerPool pool = TestPools.newPool("spawn", 1)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> pool.control().resize(4));
            assertTrue(refused.getMessage().contains("above the ceiling of 3"), refused.getMessage());
            pool.control().resize(3);
            assertEquals(3, pool.processes());
        } finally {
            if (previous == null) {
                System.clearProperty(ProcessCeiling.PROPERTY);
            } else {
                System.setProperty(ProcessCeiling.PROPERTY, previous);
            }
        }
    }

    /** Adds every worker process that appears within {@code period} to {@code seen}. */
    private static void watchNewWorkers(Set<Long> seen, Duration period) throws InterruptedException {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            seen.addAll(TestPools.workerProcesses());
            Thread.sleep(20);   // sampling the process table, not waiting for a condition
        }
    }

    private static List<Long> without(List<Long> pids, Set<Long> excluded) {
        return pids.stream().filter(pid -> !excluded.contains(pid)).toList();
    }

    static int twice(int x) {
        return 2 * x;
    }
}
