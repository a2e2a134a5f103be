package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** How workers are started: their JVM options and environment, and what happens when they cannot start. */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class WorkerStartupTest {
    @Parameter
    String startMethod;

    static String property(String name) {
        return System.getProperty(name);
    }

    static String variable(String name) {
        return System.getenv(name);
    }

    /** A variable of this JVM's environment that workers do not keep by default, such as a secret would be. */
    private static String parentOnlyVariable() {
        return System.getenv().keySet().stream()
                .filter(name -> !List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "JAVA_HOME")
                        .contains(name))
                .findFirst().orElseThrow(() -> new AssertionError("this JVM has no other environment variable"));
    }

    /**
     * A worker gone between its HELLO and its START was once still counted as starting: the pool started no
     * other in its place, a task waited for good, and so did {@code close()}.
     */
    @Test
    void workersGoneRightAfterSayingHelloAreFailedStartsThatBreakThePool(@TempDir Path dir) throws Exception {
        Path gone = dir.resolve("hello-then-gone");
        Files.writeString(gone, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' " + HelloThenGoneWorker.class.getName() + "\n");
        assumeTrue(gone.toFile().setExecutable(true), "cannot make a script executable here");
        PoolOptions options = PoolOptions.builder().processes(1).javaExecutable(gone).build();

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (Pool pool = TestPools.newPool(startMethod, options)) {
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> pool.applyAsync((Integer x) -> x + 1, 2).get(50, TimeUnit.SECONDS));
                assertTrue(e.getCause().getMessage().contains("failed to start"), e.getCause().getMessage());
            } catch (IllegalStateException brokenAlready) {
                assertTrue(brokenAlready.getMessage().startsWith("pool is broken"), brokenAlready.getMessage());
            }
        });
    }

    @Test
    void jvmOptionsReachTheWorkers() {
        PoolOptions options = PoolOptions.builder().processes(1).jvmOptions("-Dprocesspool.test=hello").build();
        try (Pool pool = TestPools.newPool(startMethod, options)) {
            assertEquals("hello", pool.apply(WorkerStartupTest::property, "processpool.test"));
        }
    }

    static List<String> collectors(int ignored) {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList();
    }

    /** Workers default to the serial collector; a pool that chooses another gets it (a JVM refuses two). */
    @Test
    void aCollectorInThePoolsJvmOptionsReplacesTheSerialDefault() {
        try (Pool pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).build())) {
            assertEquals(List.of("Copy", "MarkSweepCompact"), pool.apply(WorkerStartupTest::collectors, 0));
        }
        PoolOptions parallel = PoolOptions.builder().processes(1).jvmOptions("-XX:+UseParallelGC").build();
        try (Pool pool = TestPools.newPool(startMethod, parallel)) {
            assertEquals(List.of("PS MarkSweep", "PS Scavenge"), pool.apply(WorkerStartupTest::collectors, 0).stream()
                    .sorted().toList());
        }
    }

    /** The property that makes a reserve worker warm up, set by hand: the worker still takes its pool's line. */
    @Test
    void aWorkerAskedToWarmUpByItsJvmOptionsStillStarts() {
        PoolOptions options = PoolOptions.builder().processes(1).jvmOptions("-Dprocesspool.preload=-").build();
        try (Pool pool = TestPools.newPool(startMethod, options)) {
            Integer three = pool.apply((Integer x) -> x + 1, 2);
            assertEquals(3, three);
        }
    }

    @Test
    void workersDoNotSeeTheParentsEnvironmentUnlessConfigured() {
        String secret = parentOnlyVariable();
        PoolOptions options = PoolOptions.builder().processes(1).environment("PROCESSPOOL_GIVEN", "yes").build();
        try (Pool pool = TestPools.newPool(startMethod, options)) {
            assertNull(pool.apply(WorkerStartupTest::variable, secret), secret + " leaked to the worker");
            assertEquals("yes", pool.apply(WorkerStartupTest::variable, "PROCESSPOOL_GIVEN"));
        }
        try (Pool pool = TestPools.newPool(startMethod, options.toBuilder().inheritEnvironment(true).build())) {
            assertEquals(System.getenv(secret), pool.apply(WorkerStartupTest::variable, secret));
        }
    }

    @Test
    void badJvmOptionBreaksThePoolWithTheJvmsMessageInsteadOfRestartingWorkersForever() {
        PoolOptions options = PoolOptions.builder().processes(1).jvmOptions("-Xmx-not-a-size").build();
        try (Pool pool = TestPools.newPool(startMethod, options)) {
            TaskFailedException failed = assertThrows(TaskFailedException.class, () -> pool.apply(x -> x, 1));
            assertTrue(failed.getMessage().contains("failed to start") && failed.getMessage().contains("Xmx"),
                    failed.getMessage());
            IllegalStateException broken = assertThrows(IllegalStateException.class, () -> pool.apply(x -> x, 1));
            assertTrue(broken.getMessage().startsWith("pool is broken"), broken.getMessage());
        }
        assertEquals(List.of(), TestPools.workerProcesses());
    }

    static void exitingInitializer() {
        System.exit(7);
    }

    @Test
    void initializerThatExitsItsJvmBreaksThePoolAndTheWaitingTaskSaysWhy() {
        PoolOptions options = PoolOptions.builder().processes(1).initializer(WorkerStartupTest::exitingInitializer)
                .build();
        try (Pool pool = TestPools.newPool(startMethod, options)) {
            TaskFailedException failed = assertThrows(TaskFailedException.class, () -> pool.apply(x -> x, 1));
            assertTrue(!(failed instanceof WorkerDiedException) && failed.getMessage().contains("failed to start")
                    && failed.getMessage().contains("exited with status 7"), failed.getMessage());
        }
    }

    @Test
    void missingJavaExecutableIsReportedWhenThePoolIsCreated() {
        PoolOptions options = PoolOptions.builder().processes(2).javaExecutable(Path.of("/nonexistent/bin/java")).build();
        UncheckedIOException failed = assertThrows(UncheckedIOException.class,
                () -> TestPools.newPool(startMethod, options));
        assertTrue(failed.getMessage().contains("/nonexistent/bin/java"), failed.getMessage());
        assertEquals(List.of(), TestPools.workerProcesses());
    }

}
