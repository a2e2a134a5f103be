package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.LogCapture;
import dev.processpool.SupervisedTasks;
import dev.processpool.TestPools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A container-owned pool whose owner is destroyed while its task hangs finishes accepted work for at most
 * processpool.shutdownTimeout, then is terminated, logging the pool and the tasks it abandoned: the container's
 * shutdown returns within that bound.
 */
class ShutdownBoundTest {
    private static final Duration BOUND = Duration.ofSeconds(2);
    @TempDir
    Path dir;

    @BeforeEach
    void setBound() {
        System.setProperty("processpool.shutdownTimeout", "2s");
    }

    @AfterEach
    void clearBound() {
        System.clearProperty("processpool.shutdownTimeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spawn", "forkserver"})
    void anOwnerDestroyedWhileItsTaskHangsStopsWithinTheBound(String startMethod) throws Exception {
        Class<?> ownerClass = startMethod.equals("spawn") ? HangingWork.Spawn.class : HangingWork.ForkServer.class;
        long worker;
        long closed;
        try (LogCapture log = LogCapture.of("dev.processpool")) {
            WeldContainer container = Containers.start(ownerClass);
            long start;
            try {
                Object owner = container.select(ownerClass).get();
                worker = (long) ownerClass.getMethod("workerPid").invoke(owner);
                ownerClass.getMethod("hang", String.class).invoke(owner, dir.toString());
                TestPools.await("the task to start", Duration.ofSeconds(30), () -> runs() > 0);
            } finally {
                start = System.nanoTime();
                container.close();
                closed = System.nanoTime() - start;
            }
            assertTrue(Duration.ofNanos(closed).compareTo(BOUND.plusSeconds(3)) < 0,
                    "the container took " + Duration.ofNanos(closed) + " to shut down");
            assertTrue(Duration.ofNanos(closed).compareTo(BOUND) >= 0, "the pool was given the bound to finish");
            assertTrue(log.records().stream().anyMatch(r -> r.getMessage() != null
                    && java.text.MessageFormat.format(r.getMessage(), r.getParameters()).contains("hanging-" + startMethod)
                    && java.text.MessageFormat.format(r.getMessage(), r.getParameters()).contains("abandoning 1 tasks")),
                    () -> "no warning naming the pool and the task abandoned");
        }
        Containers.awaitGone(List.of(worker));
    }

    private int runs() {
        try {
            return SupervisedTasks.runs(dir, 1)[0];
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
