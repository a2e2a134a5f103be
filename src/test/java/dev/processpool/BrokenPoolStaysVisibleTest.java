package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.management.PoolRegistration;
import dev.processpool.internal.pool.WorkerPool;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broken pool stays registered, as BROKEN with its reason, until its owner closes it (it used to unregister, so
 * monitoring showed nothing while the application failed), and an administrator restarts it over JMX.
 */
class BrokenPoolStaysVisibleTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final Duration READY = Duration.ofSeconds(60);

    @AfterEach
    void switchOff() throws Exception {
        BreakSwitch.off();
    }

    @Test
    void aBrokenPoolStaysListedWithItsReasonAndRestartsFromJmx() throws Exception {
        BreakSwitch.on();
        WorkerPool pool = TestPools.newPool("spawn", PoolOptions.builder().name("breaks-on-purpose").processes(2)
                .initializer(new BreakSwitch()).build());
        ObjectName name = PoolRegistration.objectName(pool.name());
        try {
            TestPools.await("the pool to break", READY, () -> "BROKEN".equals(attribute(name, "State")));
            assertTrue(SERVER.isRegistered(name), "a broken pool stays registered");
            String reason = (String) attribute(name, "BrokenReason");
            assertTrue(reason.contains("the test broke this pool on purpose"), reason);
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> pool.apply(x -> x, 1));
            assertTrue(refused.getMessage().contains("restart"), refused.getMessage());

            BreakSwitch.off();
            SERVER.invoke(name, "restart", new Object[0], new String[0]);

            assertEquals("RUNNING", attribute(name, "State"));
            assertEquals("", attribute(name, "BrokenReason"));
            assertEquals(6, pool.apply(BrokenPoolStaysVisibleTest::triple, 2), "the restarted pool serves tasks");
            TestPools.await("two fresh workers", READY, () -> pool.workerPids().size() == 2);
        } finally {
            pool.close();
        }
        assertFalse(SERVER.isRegistered(name), "unregistered once its owner closed it");
    }

    @Test
    void aBrokenPoolClosedByItsOwnerIsUnregisteredAndCannotBeRestarted() throws Exception {
        BreakSwitch.on();
        WorkerPool pool = TestPools.newPool("spawn", PoolOptions.builder().name("broken-then-closed").processes(1)
                .initializer(new BreakSwitch()).build());
        ObjectName name = PoolRegistration.objectName(pool.name());
        TestPools.await("the pool to break", READY, () -> "BROKEN".equals(attribute(name, "State")));

        pool.close();

        assertFalse(SERVER.isRegistered(name));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> pool.control().restart());
        assertTrue(refused.getMessage().contains("this pool is stopped"), refused.getMessage());
    }

    @Test
    void onlyABrokenPoolCanBeRestarted() throws Exception {
        try (WorkerPool pool = TestPools.newPool("spawn", PoolOptions.builder().name("not-broken").processes(1)
                .build())) {
            RuntimeMBeanException refused = assertThrows(RuntimeMBeanException.class, () -> SERVER.invoke(
                    PoolRegistration.objectName(pool.name()), "restart", new Object[0], new String[0]));
            assertTrue(refused.getCause().getMessage().contains("it is running, not broken"),
                    refused.getCause().getMessage());
        }
    }

    private static Object attribute(ObjectName name, String attribute) {
        try {
            return SERVER.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + attribute + " of " + name + ": " + e, e);
        }
    }

    static int triple(int x) {
        return 3 * x;
    }
}
