package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.processpool.internal.pool.WorkerPool;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A worker whose resident memory is above maxMemoryPerChild after a chunk is replaced, as after maxTasksPerChild. */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class MemoryLimitTest {
    private static final long LIMIT = 256L << 20;
    /** Held by the worker that ran {@link #grow}, so its resident memory stays above the limit. */
    static byte[] ballast;

    @Parameter
    String startMethod;
    WorkerPool pool;

    @AfterEach
    void stopPool() {
        pool.terminate();
    }

    /** Grows the worker past the limit (every page written) and returns its pid. */
    static long grow(int megabytes) {
        ballast = new byte[megabytes << 20];
        for (int i = 0; i < ballast.length; i += 4096) {
            ballast[i] = 1;
        }
        return ProcessHandle.current().pid();
    }

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    @Test
    void aWorkerThatGrewPastTheLimitIsReplacedAndTheNextTaskRunsOnANewPid() {
        pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).maxMemoryPerChild(LIMIT)
                .jvmOptions("-Xmx512m").build());
        long first = pool.apply(MemoryLimitTest::pid, 0);
        assertEquals(first, pool.apply(MemoryLimitTest::pid, 0), "a worker under the limit stays");
        long grown = pool.apply(MemoryLimitTest::grow, 320);
        assertEquals(first, grown);
        long next = pool.apply(MemoryLimitTest::pid, 0);
        assertNotEquals(grown, next, "the next task runs on a new worker");
        assertEquals(1, pool.control().workersRecycledForMemory());
        TestPools.await("the grown worker to be gone", Duration.ofSeconds(15), () -> !TestPools.isAlive(grown));
    }

    @Test
    void workersReplacedForMemoryLoseNoItemAndRunNoneTwice(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // every worker is above one byte: each is replaced after its chunk, while chunks wait in its channel
        pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(2).maxMemoryPerChild(1).build());
        String marks = dir.toString();
        java.util.List<Integer> items = java.util.stream.IntStream.range(0, 40).boxed().toList();
        assertEquals(items, pool.map((Integer item) -> {
            SupervisedTasks.mark(marks, item);
            return item;
        }, items, 1));
        int[] once = new int[40];
        java.util.Arrays.fill(once, 1);
        org.junit.jupiter.api.Assertions.assertArrayEquals(once, SupervisedTasks.runs(dir, 40));
        org.junit.jupiter.api.Assertions.assertTrue(pool.control().workersRecycledForMemory() >= 2);
    }

    @Test
    void withoutALimitTheSameWorkerStays() {
        pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).jvmOptions("-Xmx512m").build());
        long grown = pool.apply(MemoryLimitTest::grow, 320);
        assertEquals(grown, pool.apply(MemoryLimitTest::pid, 0));
        assertEquals(0, pool.control().workersRecycledForMemory());
    }
}
