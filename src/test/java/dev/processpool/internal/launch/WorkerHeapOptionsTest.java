package dev.processpool.internal.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Workers get a heap that can shrink when idle, unless their pool sizes the heap or chooses a collector. */
class WorkerHeapOptionsTest {
    @Test
    void workersStartWithASmallHeapThatShrinksAtOnce() {
        assertTrue(WorkerCommand.defaultOptions(List.of()).containsAll(WorkerCommand.HEAP_OPTIONS));
    }

    @Test
    void aMaximumAloneKeepsTheHeapDefaults() {
        assertTrue(WorkerCommand.defaultOptions(List.of("-Xmx256m")).containsAll(WorkerCommand.HEAP_OPTIONS));
    }

    @Test
    void aPoolThatSizesTheHeapOrChoosesACollectorGetsNone() {
        for (String option : List.of("-Xms64m", "-Xmn32m", "-XX:InitialHeapSize=64m", "-XX:NewSize=8m",
                "-XX:MaxHeapFreeRatio=50", "-XX:MinHeapFreeRatio=20", "-XX:+ShrinkHeapInSteps", "-XX:NewRatio=3",
                "-XX:+UseG1GC")) {
            List<String> defaults = WorkerCommand.defaultOptions(List.of("-Dx=y", option));
            assertFalse(defaults.stream().anyMatch(WorkerCommand.HEAP_OPTIONS::contains), option + ": " + defaults);
        }
    }
}
