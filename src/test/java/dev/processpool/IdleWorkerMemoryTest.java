package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A worker that grew its heap for a task gives it back to the system once it idles (SPEC §13, issue 18). */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class IdleWorkerMemoryTest {
    private static final int MIB = 1024 * 1024;

    @Parameter
    String startMethod;

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    /** Allocates {@code mebibytes} in 1 MiB arrays, holding the last 96 at any time: the heap must grow. */
    static int allocate(int mebibytes) {
        Deque<byte[]> held = new ArrayDeque<>();
        for (int i = 0; i < mebibytes; i++) {
            byte[] block = new byte[MIB];
            for (int j = 0; j < block.length; j += 4096) {
                block[j] = (byte) i;
            }
            held.addLast(block);
            if (held.size() > 96) {
                held.removeFirst();
            }
        }
        return held.size();
    }

    @Test
    void anIdleWorkerGivesBackTheHeapItsTaskMadeItGrowTo() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "resident memory is read from /proc");
        try (Pool pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).build())) {
            long pid = pool.apply(IdleWorkerMemoryTest::pid, 0);
            double fresh = residentMib(pid);
            assertEquals(96, pool.apply(IdleWorkerMemoryTest::allocate, 300));
            double afterWork = residentMib(pid);
            assertTrue(afterWork > fresh + 60, "the task made the worker grow: fresh " + fresh + " MiB, after "
                    + afterWork + " MiB");
            TestPools.await("the idle worker's resident memory back within 1.5 times a fresh worker's (" + fresh
                    + " MiB)", Duration.ofSeconds(20), () -> residentMib(pid) <= 1.5 * fresh,
                    () -> "(now " + residentMib(pid) + " MiB)");
            assertEquals(pid, pool.apply(IdleWorkerMemoryTest::pid, 0), "the same worker goes on");
        }
    }

    private static double residentMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
