package dev.processpool;

import dev.processpool.internal.pool.WorkerPool;
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

    /** Pids of the live processes that are children (or deeper) of this JVM and run a worker main. */
    public static List<Long> workerProcesses() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("dev.processpool.internal"))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Waits until the condition holds; fails the test with {@code what} if it does not within the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
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
