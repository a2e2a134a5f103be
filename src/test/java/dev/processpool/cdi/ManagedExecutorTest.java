package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With a real managed executor (GlassFish's Jakarta Concurrency implementation, a CDI bean here): ownership
 * propagates to the tasks the owner hands it, and the pool's futures are managed by it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagedExecutorTest {
    private WeldContainer container;
    private HandsOffWork owner;

    @BeforeAll
    void startContainer() {
        container = Containers.start(GlassFishExecutor.class, HandsOffWork.class, Accomplice.class);
        owner = container.select(HandsOffWork.class).get();
    }

    @AfterAll
    void stopContainer() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void taskTheOwnerHandsToAManagedExecutorMayUseThePool() throws Exception {
        assertEquals(49, owner.squareOnTheManagedExecutor(7).get(30, TimeUnit.SECONDS));
    }

    @Test
    void taskAnotherBeanHandsToAManagedExecutorIsRefused() {
        Accomplice accomplice = container.select(Accomplice.class).get();
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> accomplice.square(owner.leak(), 3).get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
    }

    @Test
    void asynchronousStagesOfThePoolsFuturesRunOnTheManagedExecutorAsTheOwner() throws Exception {
        assertEquals("81 on a managed thread", owner.fourthPowerAsync(3).get(30, TimeUnit.SECONDS));
    }
}
