package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.management.PoolRegistration;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Names that say whose: a pool injected without a name is named after its injection point, its MXBean says its owner
 * and application (none in Java SE), and every attribute and operation is described for an administrator.
 */
class PoolNamesTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void anUnnamedInjectedPoolIsNamedAfterItsOwner() throws Exception {
        try (WeldContainer container = Containers.start(ReportService.class)) {
            assertEquals(1, container.select(ReportService.class).get().processes());
            ObjectName name = PoolRegistration.objectName("ReportService.pool");

            assertTrue(SERVER.isRegistered(name), "registered as " + name + "; pools: "
                    + SERVER.queryNames(new ObjectName("dev.processpool:type=Pool,*"), null));
            assertEquals("ReportService.pool", SERVER.getAttribute(name, "Name"));
            assertEquals("ReportService.pool", SERVER.getAttribute(name, "Owner"));
            assertEquals("", SERVER.getAttribute(name, "Application"), "no application in Java SE");
            assertEquals("", SERVER.getAttribute(name, "BrokenReason"));
        }
    }

    @Test
    void anApplicationGoesIntoTheObjectName() {
        assertEquals("dev.processpool:type=Pool,application=sample,name=ReportService.pool",
                PoolRegistration.objectName("sample", "ReportService.pool").toString());
        assertEquals("dev.processpool:type=Pool,name=ReportService.pool",
                PoolRegistration.objectName("", "ReportService.pool").toString());
        assertEquals("dev.processpool:type=Pool,application=\"odd,name\",name=p",
                PoolRegistration.objectName("odd,name", "p").toString());
    }

    @Test
    void everyAttributeAndOperationIsDescribedForAnAdministrator() throws Exception {
        try (WeldContainer container = Containers.start(ReportService.class)) {
            container.select(ReportService.class).get().processes();
            MBeanInfo info = SERVER.getMBeanInfo(PoolRegistration.objectName("ReportService.pool"));

            java.util.List<String> described = java.util.List.of("Name", "StartMethod", "Processes",
                    "MaxTasksPerChild", "WorkersAlive", "TasksSubmitted", "TasksCompleted", "TasksFailed",
                    "WorkerRestarts", "QueueDepth", "State", "BrokenReason", "Owner", "Application");
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                if (described.contains(attribute.getName())) {
                    assertTrue(attribute.getDescription().length() > 20 && !attribute.getDescription()
                            .equals(attribute.getName()), attribute.getName() + ": " + attribute.getDescription());
                }
            }
            Map<String, MBeanOperationInfo> operations = Arrays.stream(info.getOperations())
                    .collect(Collectors.toMap(MBeanOperationInfo::getName, op -> op));
            assertEquals(java.util.Set.of("resize", "recycleWorkers", "restart"), operations.keySet());
            for (MBeanOperationInfo operation : operations.values()) {
                assertEquals(MBeanOperationInfo.ACTION, operation.getImpact(), operation.getName());
                assertTrue(operation.getDescription().length() > 20, operation.getName());
            }
            MBeanOperationInfo resize = operations.get("resize");
            assertEquals("processes", resize.getSignature()[0].getName());
            assertTrue(resize.getDescription().contains("processpool.maxProcesses"), resize.getDescription());
            assertTrue(Arrays.stream(info.getAttributes()).map(MBeanAttributeInfo::getName).toList()
                    .containsAll(java.util.List.of("BrokenReason", "Owner", "Application")));
        }
    }
}
