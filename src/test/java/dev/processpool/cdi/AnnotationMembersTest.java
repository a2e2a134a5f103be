package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.ProcessContext;
import dev.processpool.TestPools;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each member of {@code @ProcessPool} reaches the pool the container injects. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnotationMembersTest {
    private WeldContainer container;
    private ConfiguredOwner configured;

    @BeforeAll
    void startContainer() {
        container = Containers.start(ConfiguredOwner.class, DefaultOwner.class);
        configured = container.select(ConfiguredOwner.class).get();
    }

    @AfterAll
    void stopContainer() {
        if (container != null) {
            container.close();
        }
    }

    /** Live worker JVMs started with the configured owner's marker option. */
    private static List<Long> configuredWorkers() {
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(ConfiguredOwner.MARKER))
                .map(ProcessHandle::pid)
                .toList();
    }

    @Test
    void startMethodIsHonoured() {
        assertEquals("spawn", configured.startMethod());
        assertEquals(ProcessHandle.current().pid(), configured.workerParentPid(), "a spawned worker is our child");
    }

    @Test
    void emptyStartMethodMeansTheDefaultStartMethod() {
        DefaultOwner owner = container.select(DefaultOwner.class).get();
        assertEquals(ProcessContext.defaultStartMethod(), owner.startMethod());
        assertEquals(36, owner.square(6));
    }

    @Test
    void processesIsHonoured() {
        assertEquals(2, configured.processes());
        TestPools.await("two configured workers", Duration.ofSeconds(30), () -> configuredWorkers().size() == 2);
    }

    @Test
    void maxTasksPerChildIsHonoured() {
        Map<Long, Integer> tasksPerWorker = new HashMap<>();
        configured.pidsOfSequentialTasks(6).forEach(pid -> tasksPerWorker.merge(pid, 1, Integer::sum));
        assertTrue(tasksPerWorker.values().stream().allMatch(tasks -> tasks <= 2), "tasks per worker: " + tasksPerWorker);
        assertTrue(tasksPerWorker.size() >= 3, "tasks per worker: " + tasksPerWorker);
    }

    @Test
    void initializerIsHonoured() {
        assertEquals("yes", configured.workerProperty(MarksWorker.PROPERTY));
    }

    @Test
    void jvmOptionsAreHonoured() {
        assertEquals("configured", configured.workerProperty("processpool.cdi.marker"));
    }
}
