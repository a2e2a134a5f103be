package dev.processpool;

import static java.util.concurrent.TimeUnit.MINUTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.management.PoolRegistration;
import dev.processpool.internal.management.ResidentMemory;
import dev.processpool.internal.pool.WorkerPool;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The MXBean's {@code Workers}: one composite per connected worker, with its pid, resident memory, age and the
 * chunks it has run, read through the platform MBeanServer as a JMX client (or the admin page) reads it.
 */
@Timeout(value = 3, unit = MINUTES)
class WorkerFiguresTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    static int square(int x) {
        return x * x;
    }

    @Test
    void eachWorkerIsListedWithItsPidMemoryAgeAndTasksRun() throws Exception {
        try (WorkerPool pool = TestPools.newPool("spawn", PoolOptions.builder().processes(2).name("worker-figures")
                .build())) {
            TestPools.await("2 workers connected", Duration.ofSeconds(60), () -> pool.workerPids().size() == 2);
            assertEquals(List.of(0L, 0L), Arrays.stream(workers()).map(w -> (Long) w.get("tasksRun")).toList(),
                    "no task run yet");

            pool.map(WorkerFiguresTest::square, IntStream.range(0, 10).boxed().toList(), 1);

            // a chunk's results reach the caller just before its worker's count goes up
            TestPools.await("10 chunks of one item counted", Duration.ofSeconds(10),
                    () -> Arrays.stream(workers()).mapToLong(w -> (Long) w.get("tasksRun")).sum() == 10);
            CompositeData[] workers = workers();
            assertEquals(pool.workerPids(), Arrays.stream(workers).map(w -> (Long) w.get("pid")).toList());
            assertEquals(10L, Arrays.stream(workers).mapToLong(w -> (Long) w.get("tasksRun")).sum());
            for (CompositeData worker : workers) {
                long pid = (Long) worker.get("pid");
                long resident = (Long) worker.get("residentBytes");
                assertTrue(resident > 8L << 20 && resident < 2L << 30, "a worker JVM's resident memory: " + resident);
                long rss = ResidentMemory.ofProcess(pid);
                assertTrue(Math.abs(rss - resident) < 64L << 20, "VmRSS of " + pid + " now " + rss + ", then " + resident);
                assertTrue((Long) worker.get("ageMillis") >= 0, "age " + worker.get("ageMillis"));
            }
            long ageBefore = (Long) workers[0].get("ageMillis");
            TestPools.await("a worker ages", Duration.ofSeconds(10), () -> (Long) workers()[0].get("ageMillis") > ageBefore);
        }
    }

    @Test
    void aProcessThatHasGoneHasNoResidentMemory() {
        assertEquals(-1, ResidentMemory.ofProcess(Long.MAX_VALUE));
        assertTrue(ResidentMemory.ofProcess(ProcessHandle.current().pid()) > 0, "this JVM's own VmRSS");
    }

    private static CompositeData[] workers() {
        try {
            return (CompositeData[]) SERVER.getAttribute(PoolRegistration.objectName("worker-figures"), "Workers");
        } catch (javax.management.JMException e) {
            throw new AssertionError(e);
        }
    }
}
