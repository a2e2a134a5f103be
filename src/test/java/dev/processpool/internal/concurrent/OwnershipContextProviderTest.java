package dev.processpool.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Jakarta Concurrency contract of the pool-ownership context: snapshot, begin on a thread, end restores. */
class OwnershipContextProviderTest {
    private final ThreadContextProvider provider = new OwnershipContextProvider();
    private final Object owner = new Object();
    private final Object otherOwner = new Object();
    private final Object ownerType = "owner type";

    @AfterEach
    void testThreadHasNoOwnerLeft() {
        assertNull(ExecutingOwners.current());
    }

    private ThreadContextSnapshot snapshotWhile(Object executing) throws Exception {
        return ExecutingOwners.callAs(executing, ownerType, () -> provider.currentContext(Map.of()));
    }

    /** Runs {@code check} on a fresh thread and waits for it. */
    private static void onAnotherThread(Runnable check) throws Exception {
        CompletableFuture.runAsync(check, runnable -> new Thread(runnable, "another-thread").start())
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void providerIsRegisteredAsAServiceUnderItsContextType() {
        List<String> types = ServiceLoader.load(ThreadContextProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(ThreadContextProvider::getThreadContextType)
                .toList();
        assertTrue(types.contains(OwnershipContextProvider.CONTEXT_TYPE), types.toString());
        assertEquals("ProcessPoolOwnership", provider.getThreadContextType());
    }

    @Test
    void snapshotOfTheCurrentContextMakesTheOwnerExecuteWhereItBegins() throws Exception {
        ThreadContextSnapshot snapshot = snapshotWhile(owner);
        onAnotherThread(() -> {
            assertFalse(ExecutingOwners.isExecuting(owner));
            ThreadContextRestorer restorer = snapshot.begin();
            assertTrue(ExecutingOwners.isExecuting(owner));
            restorer.endContext();
            assertFalse(ExecutingOwners.isExecuting(owner));
            assertNull(ExecutingOwners.current(), "nothing left on the thread");
        });
    }

    @Test
    void snapshotKeepsTheOwnersOfItsMomentWhateverTheThreadDoesAfter() throws Exception {
        ThreadContextSnapshot snapshot = snapshotWhile(owner);
        ExecutingOwners.runAs(otherOwner, ownerType, () -> {
            ThreadContextRestorer restorer = snapshot.begin();
            assertTrue(ExecutingOwners.isExecuting(owner));
            assertFalse(ExecutingOwners.isExecuting(otherOwner), "the snapshot replaces the thread's owners");
            restorer.endContext();
            assertTrue(ExecutingOwners.isExecuting(otherOwner), "ending puts the thread's own owners back");
            assertFalse(ExecutingOwners.isExecuting(owner));
        });
    }

    @Test
    void clearedContextHidesEveryOwnerUntilItEnds() {
        ThreadContextSnapshot cleared = provider.clearedContext(Map.of());
        ExecutingOwners.runAs(owner, ownerType, () -> {
            ThreadContextRestorer restorer = cleared.begin();
            assertFalse(ExecutingOwners.isExecuting(owner));
            restorer.endContext();
            assertTrue(ExecutingOwners.isExecuting(owner));
        });
    }

    @Test
    void aSnapshotBeginsAnyNumberOfTimesEachEndedOnce() throws Exception {
        ThreadContextSnapshot snapshot = snapshotWhile(owner);
        ThreadContextRestorer first = snapshot.begin();
        ThreadContextRestorer nested = snapshot.begin();
        assertTrue(ExecutingOwners.isExecuting(owner));
        nested.endContext();
        assertTrue(ExecutingOwners.isExecuting(owner), "the outer begin is still in force");
        first.endContext();
        assertFalse(ExecutingOwners.isExecuting(owner));
        IllegalStateException again = assertThrows(IllegalStateException.class, first::endContext);
        assertTrue(again.getMessage().contains("already ended"), again.getMessage());
    }
}
