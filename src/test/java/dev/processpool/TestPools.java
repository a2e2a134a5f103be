package dev.processpool;

import dev.processpool.internal.pool.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Helpers shared by the tests: the start methods to run against, pools, and waiting on conditions. */
public final class TestPools {
    private TestPools() {
    }

    /** Every start method available here; test classes run once per method. */
    public static Stream<String> startMethods() {
        return ProcessContext.allStartMethods().stream();
    }

    public static WorkerPool newPool(String startMethod, int processes) {
        return newPool(startMethod, PoolOptions.builder().processes(processes).build());
    }

    public static WorkerPool newPool(String startMethod, PoolOptions options) {
        return (WorkerPool) ProcessContext.of(startMethod).newPool(options);
    }

    /**
     * Pids of the live worker processes this JVM started itself (spawn). Forkservers and their children are left
     * out: a forkserver keeps idle workers in reserve by design, so a test that checks forkserver workers are
     * gone checks the pids it saw.
     */
    public static List<Long> workerProcesses() {
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("dev.processpool.internal.worker"))
                .map(ProcessHandle::pid)
                .toList();
    }

    /**
     * Whether the process still runs. A zombie does not: it has exited and waits to be reaped, which for an orphan
     * (a killed parent's child) is up to the machine's init, and {@link ProcessHandle#isAlive} counts it as alive.
     */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException noProcFileSystem) {
            return false;   // gone meanwhile, or not Linux: isAlive has the say
        }
    }

    /** Waits until the condition holds; fails the test with {@code what} if it does not within the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> "");
    }

    /** As {@link #await(String, Duration, BooleanSupplier)}; {@code state} tells what was seen, on failure. */
    public static void await(String what, Duration timeout, BooleanSupplier condition,
            java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what + " " + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
