package dev.processpool.internal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.processpool.internal.workerjvm.WorkerJvm;
import org.junit.jupiter.api.Test;

/** The launch contract names the worker's main class as text (so launching code does not load it): this one. */
class WorkerJvmContractTest {
    @Test
    void theContractsMainClassIsTheWorkersMain() {
        assertEquals(WorkerMain.class.getName(), WorkerJvm.MAIN_CLASS);
    }
}
