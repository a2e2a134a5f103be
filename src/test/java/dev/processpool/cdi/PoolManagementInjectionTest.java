package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.TestPools;
import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** An injected pool is an MXBean named after {@code @ProcessPool(name)} while its container runs. */
class PoolManagementInjectionTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void anInjectedNamedPoolIsRegisteredUnderItsNameUntilTheContainerShutsDown() throws Exception {
        ObjectName thumbnails = new ObjectName("dev.processpool:type=Pool,name=thumbnails");
        long worker;
        try (WeldContainer container = Containers.start(Thumbnails.class)) {
            worker = container.select(Thumbnails.class).get().workerPid();

            assertTrue(SERVER.isRegistered(thumbnails), "registered: " + SERVER.queryNames(
                    new ObjectName("dev.processpool:type=Pool,*"), null));
            assertEquals("thumbnails", SERVER.getAttribute(thumbnails, "Name"));
            assertEquals("spawn", SERVER.getAttribute(thumbnails, "StartMethod"));
            assertEquals(1, SERVER.getAttribute(thumbnails, "Processes"));
            assertEquals(1L, SERVER.getAttribute(thumbnails, "TasksCompleted"));
        }
        assertFalse(SERVER.isRegistered(thumbnails), "gone once the container has shut down");
        Containers.awaitGone(List.of(worker));
        assertTrue(TestPools.workerProcesses().isEmpty(), "workers left: " + TestPools.workerProcesses());
    }
}
