package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.pool.WorkerPool;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MXBean figures of supervision move as they should: TasksTimedOut, TasksCancelled, WorkersRecycledForMemory,
 * and LongestRunningTaskMillis (the age of the oldest running item: a hung task at a glance).
 */
class SupervisionFiguresTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private WorkerPool pool;

    @AfterEach
    void stopPool() {
        pool.terminate();
    }

    private long figure(String attribute) throws Exception {
        for (ObjectName name : SERVER.queryNames(new ObjectName("dev.processpool:type=Pool,*"), null)) {
            if (pool.name().equals(SERVER.getAttribute(name, "Name"))) {
                return ((Number) SERVER.getAttribute(name, attribute)).longValue();
            }
        }
        throw new AssertionError("no MXBean for " + pool.name());
    }

    private long figureOrZero(String attribute) {
        try {
            return figure(attribute);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aHungItemShowsItsAgeAndCountsAsTimedOut() throws Exception {
        pool = TestPools.newPool("spawn", PoolOptions.builder().processes(1).taskTimeout(Duration.ofSeconds(2)).build());
        pool.apply((Integer x) -> x, 0);
        assertEquals(0, figure("LongestRunningTaskMillis"));
        CompletableFuture<Long> hung = pool.applyAsync(SupervisedTasks::swallowInterrupts, 0);
        TestPools.await("the running item's age to show", Duration.ofSeconds(10),
                () -> figureOrZero("LongestRunningTaskMillis") >= 500);
        assertEquals(0, figure("TasksTimedOut"));
        ExecutionException e = assertThrows(ExecutionException.class, hung::get);
        assertTrue(e.getCause() instanceof TaskTimeoutException, e.toString());
        assertEquals(1, figure("TasksTimedOut"));
        TestPools.await("no item running", Duration.ofSeconds(10), () -> figureOrZero("LongestRunningTaskMillis") == 0);
        assertEquals(0, figure("TasksCancelled"));
    }

    @Test
    void cancelledItemsAreCounted() throws Exception {
        pool = TestPools.newPool("spawn", 1);
        CompletableFuture<Long> running = pool.applyAsync(SupervisedTasks::sleep, 0);
        CompletableFuture<Long> queued = pool.applyAsync(SupervisedTasks::sleep, 1);
        running.cancel(true);
        queued.cancel(true);
        assertEquals(2, figure("TasksCancelled"));
        assertEquals(0, figure("TasksFailed"));
        assertEquals(1, pool.apply((Integer x) -> x, 1));
    }

    @Test
    void workersRecycledForMemoryAreCounted() throws Exception {
        pool = TestPools.newPool("spawn", PoolOptions.builder().processes(1).maxMemoryPerChild(1).build());
        assertEquals(0, figure("WorkersRecycledForMemory"));
        pool.apply((Integer x) -> x, 0);
        assertEquals(1, figure("WorkersRecycledForMemory"));
        pool.apply((Integer x) -> x, 0);
        assertEquals(2, figure("WorkersRecycledForMemory"));
    }
}
