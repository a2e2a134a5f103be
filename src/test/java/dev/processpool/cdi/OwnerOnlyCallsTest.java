package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.Pool;
import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An injected pool serves its owner only: below the owner's methods, in its futures' stages; nobody else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerOnlyCallsTest {
    private WeldContainer container;
    private Squares owner;

    @BeforeAll
    void startContainer() {
        container = Containers.start(Squares.class, Calculator.class, Thief.class);
        owner = container.select(Squares.class).get();
    }

    @AfterAll
    void stopContainer() {
        if (container != null) {
            container.close();
        }
    }

    private static void assertRefusedNamingPoolAndOwner(IllegalStateException refused) {
        String message = refused.getMessage();
        assertTrue(message.contains("@ProcessPool Squares.pool") && message.contains("serves only its owner")
                && message.contains(Squares.class.getName() + "@"), message);
    }

    @Test
    void ownerUsesItsPool() {
        assertEquals(49, owner.square(7));
    }

    @Test
    void leakedReferenceUsedFromTheTestThreadIsRefused() {
        Pool leaked = owner.leak();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> leaked.apply(Tasks::square, 3));
        assertRefusedNamingPoolAndOwner(refused);
        assertTrue(refused.getMessage().contains("thread '" + Thread.currentThread().getName() + "'"),
                refused.getMessage());
    }

    @Test
    void leakedReferenceUsedFromAnotherBeanIsRefused() {
        Pool leaked = owner.leak();
        Thief thief = container.select(Thief.class).get();
        assertRefusedNamingPoolAndOwner(assertThrows(IllegalStateException.class, () -> thief.square(leaked, 3)));
    }

    @Test
    void leakedReferenceUsedFromAPlainThreadIsRefused() throws InterruptedException {
        Pool leaked = owner.leak();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread plain = new Thread(() -> {
            try {
                leaked.apply(Tasks::square, 3);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        plain.start();
        plain.join();
        assertRefusedNamingPoolAndOwner(assertInstanceOf(IllegalStateException.class, thrown.get()));
    }

    @Test
    void aPlainThreadTheOwnerStartsIsNotTheOwner() throws InterruptedException {
        assertRefusedNamingPoolAndOwner(assertInstanceOf(IllegalStateException.class, owner.squareOnAPlainThread(3)));
    }

    @Test
    void queriesAreOwnerOnlyToo() {
        Pool leaked = owner.leak();
        assertThrows(IllegalStateException.class, leaked::processes);
        assertEquals(1, (int) owner.callAsOwner(leaked::processes));
    }

    /** What a managed executor does with the thread context providers it finds: capture, begin, end. */
    @Test
    void aThreadThatBeganTheOwnersThreadContextMayUseThePoolUntilItEnds() throws Exception {
        ThreadContextProvider ownership = ServiceLoader.load(ThreadContextProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.getThreadContextType().equals("ProcessPoolOwnership"))
                .findFirst().orElseThrow();
        ThreadContextSnapshot captured = owner.callAsOwner(() -> ownership.currentContext(Map.of()));
        Pool pool = owner.leak();
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            ThreadContextRestorer restorer = captured.begin();
            try {
                result.complete(pool.apply(Tasks::square, 11));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                restorer.endContext();
            }
            try {
                pool.apply(Tasks::square, 1);
                result.obtrudeException(new AssertionError("served after the context ended"));
            } catch (IllegalStateException expected) {
                // the context has ended: the owner no longer executes here
            }
        });
        worker.start();
        worker.join();
        assertEquals(121, result.get());
    }

    @Test
    void helperObjectTheOwnerCallsMayUseThePool() {
        assertEquals(16, owner.squareThroughHelper(4));
    }

    @Test
    void anotherBeanTheOwnerCallsMayUseThePool() {
        assertEquals(25, owner.squareThroughAnotherBean(5));
    }

    @Test
    void dependentStagesOfItsFuturesRunAsTheOwner() throws Exception {
        assertEquals(81, owner.fourthPower(3).get(30, TimeUnit.SECONDS));
    }

    @Test
    void asynchronousDependentStagesOnTheDefaultExecutorRunAsTheOwner() throws Exception {
        assertEquals(16, owner.fourthPowerAsync(2).get(30, TimeUnit.SECONDS));
    }

    @Test
    void stagesAddedByOthersDoNotRunAsTheOwner() throws Exception {
        CompletableFuture<Integer> squared = owner.callAsOwner(() -> owner.leak().applyAsync(Tasks::square, 3));
        assertEquals(9, squared.get(30, TimeUnit.SECONDS));
        CompletableFuture<Integer> again = squared.thenApply(x -> owner.leak().apply(Tasks::square, x));
        Exception failed = assertThrows(Exception.class, () -> again.get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
    }

    @Test
    void lifeCycleMethodsAreRefusedAndThePoolGoesOn() {
        for (Runnable lifeCycle : new Runnable[] {owner::closePool, owner::terminatePool, () -> {
                try {
                    owner.joinPool();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, lifeCycle::run);
            assertTrue(refused.getMessage().contains("the container owns its life cycle"), refused.getMessage());
        }
        assertEquals(4, owner.square(2));
    }

    @Test
    void lifeCycleMethodsAreRefusedToAnyCaller() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> owner.leak().close());
        assertTrue(refused.getMessage().startsWith("close() is not available on @ProcessPool Squares.pool"),
                refused.getMessage());
    }
}
