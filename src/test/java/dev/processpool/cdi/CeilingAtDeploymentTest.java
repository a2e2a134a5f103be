package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Pool sizes above the ceiling (processpool.maxProcesses) fail the deployment, in the annotation or configured. */
class CeilingAtDeploymentTest {
    @Dependent
    static class HugeOwner {
        @Inject
        @ProcessPool(startMethod = "spawn", processes = 100_000)
        Pool pool;
    }

    @Dependent
    static class ConfiguredHugeOwner {
        @Inject
        @ProcessPool(name = "ceiling-configured", startMethod = "spawn", processes = 1)
        Pool pool;
    }

    @Test
    void anAnnotationAboveTheCeilingFailsTheDeployment() {
        String messages = deploymentErrors(HugeOwner.class);
        assertTrue(messages.contains("HugeOwner.pool") && messages.contains("100000")
                && messages.contains("processpool.maxProcesses"), messages);
    }

    @Test
    void aConfiguredSizeAboveTheCeilingFailsTheDeployment() {
        System.setProperty("processpool.ceiling-configured.processes", "100000");
        try {
            String messages = deploymentErrors(ConfiguredHugeOwner.class);
            assertTrue(messages.contains("ConfiguredHugeOwner.pool") && messages.contains("100000")
                    && messages.contains("processpool.maxProcesses"), messages);
        } finally {
            System.clearProperty("processpool.ceiling-configured.processes");
        }
    }

    private static String deploymentErrors(Class<?> owner) {
        RuntimeException failed = assertThrows(RuntimeException.class, () -> Containers.start(owner).close());
        return String.join("\n", InvalidInjectionPointTest.messagesOf(failed));
    }
}
