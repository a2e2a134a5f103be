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
    void withoutALimitTheSameWorkerStays() {
        pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).jvmOptions("-Xmx512m").build());
        long grown = pool.apply(MemoryLimitTest::grow, 320);
        assertEquals(grown, pool.apply(MemoryLimitTest::pid, 0));
        assertEquals(0, pool.control().workersRecycledForMemory());
    }
}
