package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.Pool;
import dev.processpool.ProcessContext;
import dev.processpool.ProcessPool;
import dev.processpool.ProcessRunnable;
import dev.processpool.TestPools;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad {@code @ProcessPool} is a deployment problem: the container does not start, and the message names the
 * injection point, the member, the value and the fix. No worker starts.
 */
class InvalidInjectionPointTest {

    @Dependent
    static class ForkOwner {
        @Inject
        @ProcessPool(startMethod = "fork")
        Pool pool;
    }

    @Dependent
    static class UnknownStartMethodOwner {
        @Inject
        @ProcessPool(startMethod = "vfork")
        Pool pool;
    }

    @Dependent
    static class BadNameOwner {
        @Inject
        @ProcessPool(name = "thumbnails, large")
        Pool pool;
    }

    @Dependent
    static class NegativeProcessesOwner {
        @Inject
        @ProcessPool(processes = -1)
        Pool pool;
    }

    @Dependent
    static class NegativeMaxTasksOwner {
        @Inject
        @ProcessPool(maxTasksPerChild = -2)
        Pool pool;
    }

    @Dependent
    static class BadJvmOptionOwner {
        @Inject
        @ProcessPool(jvmOptions = {"-Xmx64m", "Xss1m"})
        Pool pool;
    }

    /** An initializer the pool cannot create: its only constructor takes an argument. */
    public static class NeedsArgument implements ProcessRunnable {
        public NeedsArgument(String argument) {
        }

        @Override
        public void run() {
        }
    }

    @Dependent
    static class UncreatableInitializerOwner {
        @Inject
        @ProcessPool(initializer = NeedsArgument.class)
        Pool pool;
    }

    @Dependent
    static class InitializerParameterOwner {
        @Inject
        void setPool(@ProcessPool(processes = -3) Pool pool) {
        }
    }

    @Dependent
    static final class FinalOwner {
        @Inject
        @ProcessPool
        Pool pool;
    }

    @Dependent
    static class FinalMethodOwner {
        @Inject
        @ProcessPool
        Pool pool;

        public final void work() {
        }
    }

    @Dependent
    static class ProducerParameterOwner {
        @Produces
        String name(@ProcessPool Pool pool) {
            return "never";
        }
    }

    static Stream<Arguments> invalidOwners() {
        String available = "available: " + String.join(", ", ProcessContext.allStartMethods());
        return Stream.of(
                Arguments.of(ForkOwner.class, List.of("Invalid @ProcessPool.startMethod on ForkOwner.pool: 'fork' is not"
                        + " available on the JVM", available)),
                Arguments.of(UnknownStartMethodOwner.class, List.of("Invalid @ProcessPool.startMethod on"
                        + " UnknownStartMethodOwner.pool: unknown start method 'vfork'; " + available)),
                Arguments.of(BadNameOwner.class, List.of("Invalid @ProcessPool.name on BadNameOwner.pool: name must be"
                        + " letters, digits, '.', '_' or '-'", "got 'thumbnails, large'; leave it empty")),
                Arguments.of(NegativeProcessesOwner.class, List.of("Invalid @ProcessPool.processes on"
                        + " NegativeProcessesOwner.pool: -1 is not a number of workers; use at least 1, or 0 (the default)")),
                Arguments.of(NegativeMaxTasksOwner.class, List.of("Invalid @ProcessPool.maxTasksPerChild on"
                        + " NegativeMaxTasksOwner.pool: -2 is not a number of tasks; use at least 1, or 0 (the default)")),
                Arguments.of(BadJvmOptionOwner.class, List.of("Invalid @ProcessPool.jvmOptions on BadJvmOptionOwner.pool:"
                        + " 'Xss1m' in [-Xmx64m, Xss1m] is not a JVM option; each must start with '-'")),
                Arguments.of(UncreatableInitializerOwner.class, List.of("Invalid @ProcessPool.initializer on"
                        + " UncreatableInitializerOwner.pool: " + NeedsArgument.class.getName() + ".class has no public"
                        + " no-argument constructor; add one")),
                Arguments.of(InitializerParameterOwner.class, List.of("Invalid @ProcessPool.processes on"
                        + " InitializerParameterOwner.setPool(parameter 1): -3")),
                Arguments.of(FinalOwner.class, List.of("@ProcessPool on FinalOwner.pool: FinalOwner is final",
                        "make FinalOwner non-final")),
                Arguments.of(FinalMethodOwner.class, List.of("@ProcessPool on FinalMethodOwner.pool:"
                        + " FinalMethodOwner.work() is final")),
                Arguments.of(ProducerParameterOwner.class, List.of("@ProcessPool on ProducerParameterOwner.name(parameter 1):"
                        + " a pool belongs to the bean it is injected into")));
    }

    @ParameterizedTest
    @MethodSource("invalidOwners")
    void invalidInjectionPointFailsDeploymentWithAMessageThatSaysWhereWhatAndHowToFix(Class<?> owner,
            List<String> expected) {
        List<Long> workersBefore = TestPools.workerProcesses();
        RuntimeException failed = assertThrows(RuntimeException.class, () -> Containers.start(owner).close());
        String messages = String.join("\n", messagesOf(failed));
        for (String fragment : expected) {
            assertTrue(messages.contains(fragment), "expected «" + fragment + "» in:\n" + messages);
        }
        assertEquals(workersBefore, TestPools.workerProcesses());
    }

    @org.junit.jupiter.api.Test
    void everyInvalidInjectionPointIsReportedByTheSameFailedDeployment() {
        RuntimeException failed = assertThrows(RuntimeException.class,
                () -> Containers.start(ForkOwner.class, NegativeProcessesOwner.class, FinalOwner.class).close());
        String messages = String.join("\n", messagesOf(failed));
        for (String owner : List.of("ForkOwner.pool", "NegativeProcessesOwner.pool", "FinalOwner.pool")) {
            assertTrue(messages.contains(owner), owner + " not reported in:\n" + messages);
        }
    }

    /** The messages of {@code thrown}, its causes and suppressed exceptions. */
    static List<String> messagesOf(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> pending = new ArrayList<>(List.of(thrown));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            if (t == null || seen.put(t, true) != null) {
                continue;
            }
            messages.add(t.getClass().getName() + ": " + t.getMessage());
            pending.add(t.getCause());
            pending.addAll(List.of(t.getSuppressed()));
        }
        return messages;
    }
}
