package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.BreakSwitch;
import dev.processpool.TestPools;
import dev.processpool.internal.management.PoolRegistration;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A container-owned pool that broke stays listed as BROKEN until its owner goes, and restarts from JMX. */
class ContainerOwnedBrokenPoolTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void switchOff() throws Exception {
        BreakSwitch.off();
    }

    @Test
    void aBrokenInjectedPoolStaysListedRestartsAndGoesWithItsContainer() throws Exception {
        ObjectName name = PoolRegistration.objectName("breakable");
        BreakSwitch.on();
        try (WeldContainer container = Containers.start(BreakableOwner.class)) {
            BreakableOwner owner = container.select(BreakableOwner.class).get();
            owner.touch();
            TestPools.await("the injected pool to break", Duration.ofSeconds(60),
                    () -> "BROKEN".equals(attribute(name, "State")));
            assertTrue(((String) attribute(name, "BrokenReason")).contains("on purpose"));
            assertEquals("BreakableOwner.pool", attribute(name, "Owner"));

            BreakSwitch.off();
            SERVER.invoke(name, "restart", new Object[0], new String[0]);

            assertEquals(49, owner.square(7), "the restarted pool serves its owner");
            assertEquals("RUNNING", attribute(name, "State"));
        }
        assertFalse(SERVER.isRegistered(name), "gone with its owner's container");
    }

    private static Object attribute(ObjectName name, String attribute) {
        try {
            return SERVER.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + attribute + " of " + name + ": " + e, e);
        }
    }
}
