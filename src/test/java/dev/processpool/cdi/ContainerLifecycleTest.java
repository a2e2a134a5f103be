package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.ProcessPool;
import dev.processpool.ProcessRunnable;
import dev.processpool.TestPools;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.util.List;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The container owns the life cycle of injected pools: no worker outlives its owner. */
class ContainerLifecycleTest {

    @Test
    void containerShutdownStopsEveryWorker() {
        long squaresWorker;
        long warmedUpWorker;
        try (WeldContainer container = Containers.start(Squares.class, Calculator.class, WarmedUpOwner.class)) {
            squaresWorker = container.select(Squares.class).get().workerPid();
            warmedUpWorker = container.select(WarmedUpOwner.class).get().workerPid();
            assertTrue(TestPools.isAlive(squaresWorker) && TestPools.isAlive(warmedUpWorker));
        }
        Containers.awaitGone(List.of(squaresWorker, warmedUpWorker));
    }

    @Test
    void requestScopedOwnersPoolStopsAtTheEndOfTheRequest() {
        try (WeldContainer container = Containers.start(RequestWork.class)) {
            RequestContextController request = container.select(RequestContextController.class).get();
            request.activate();
            long firstWorker;
            try {
                firstWorker = container.select(RequestWork.class).get().workerPid();
            } finally {
                request.deactivate();
            }
            Containers.awaitGone(List.of(firstWorker));

            request.activate();
            try {
                long secondWorker = container.select(RequestWork.class).get().workerPid();
                assertNotEquals(firstWorker, secondWorker, "a new request, a new owner, a new pool");
            } finally {
                request.deactivate();
            }
        }
    }

    @Test
    void destroyingADependentOwnerStopsItsPool() {
        try (WeldContainer container = Containers.start(WarmedUpOwner.class)) {
            Instance<WarmedUpOwner> owners = container.select(WarmedUpOwner.class);
            WarmedUpOwner owner = owners.get();
            long worker = owner.workerPid();
            owners.destroy(owner);
            assertEquals(worker, WarmedUpOwner.lastPreDestroyWorkerPid.get(), "the pool serves @PreDestroy");
            Containers.awaitGone(List.of(worker));
        }
    }

    @Test
    void constructorInjectedPoolServesThePostConstructCallback() {
        try (WeldContainer container = Containers.start(WarmedUpOwner.class)) {
            WarmedUpOwner owner = container.select(WarmedUpOwner.class).get();
            assertEquals(owner.warmWorkerPid(), owner.workerPid());
        }
    }

    @Test
    void withBeanDiscoveryDisabledTheExtensionAddsTheLibrarysBeans() {
        SeContainerInitializer initializer = SeContainerInitializer.newInstance()
                .disableDiscovery()
                .addExtensions(Containers.serviceExtensions())
                .addBeanClasses(Squares.class, Calculator.class);
        try (SeContainer container = initializer.initialize()) {
            assertEquals(144, container.select(Squares.class).get().square(12));
        }
    }

    @Test
    void poolLookedUpWithALiteralIsBuiltFromItAndStoppedWhenDestroyed() {
        try (WeldContainer container = Containers.start(PoolLookups.class)) {
            PoolLookups lookups = container.select(PoolLookups.class).get();
            long[] squareAndPid = lookups.squareAndPid(ProcessPool.Literal.of("", "spawn", 1, 0, ProcessRunnable.class), 9);
            assertEquals(81, squareAndPid[0]);
            assertEquals(1, squareAndPid[2]);
            Containers.awaitGone(List.of(squareAndPid[1]));
        }
    }

    @Test
    void poolLookedUpByAnyoneButItsOwnerIsRefusedBeforeAnyWorkerStarts() {
        try (WeldContainer container = Containers.start(PoolLookups.class)) {
            Instance<dev.processpool.Pool> leaked = container.select(PoolLookups.class).get().leakInstance();
            List<Long> before = TestPools.workerProcesses();
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> leaked.select(ProcessPool.Literal.of("", "spawn", 1, 0, ProcessRunnable.class)).get());
            assertTrue(refused.getMessage().contains("a pool is looked up by its owner, " + PoolLookups.class.getName()),
                    refused.getMessage());
            assertEquals(before, TestPools.workerProcesses());
        }
    }

    @Test
    void badLiteralChosenAtRunTimeIsRefusedWithTheMember() {
        try (WeldContainer container = Containers.start(PoolLookups.class)) {
            PoolLookups lookups = container.select(PoolLookups.class).get();
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> lookups.squareAndPid(ProcessPool.Literal.of("", "fork", 1, 0, ProcessRunnable.class), 2));
            String message = refused.getMessage();
            assertTrue(message.contains("Invalid @ProcessPool.startMethod on PoolLookups.pools: 'fork' is not"
                    + " available on the JVM"), message);
        }
    }
}
