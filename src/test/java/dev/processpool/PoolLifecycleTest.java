package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** close() finishes every call accepted before it, lazy ones included. */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class PoolLifecycleTest {
    @Parameter
    String startMethod;

    static int triple(int x) {
        return 3 * x;
    }

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    /** Starts a pool, uses it, and drops it without closing it. */
    private long useAndDropAPool() {
        Pool pool = TestPools.newPool(startMethod, 1);
        return pool.apply(PoolLifecycleTest::pid, 0);
    }

    @Test
    void poolDroppedWhileRunningStopsItsWorkersWhenCollectedAndSaysSo() {
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.processpool");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            long worker = useAndDropAPool();
            TestPools.await("the dropped pool's worker to be stopped", java.time.Duration.ofSeconds(60), () -> {
                System.gc();
                return !TestPools.isAlive(worker);
            });
            TestPools.await("the warning", java.time.Duration.ofSeconds(10),
                    () -> warnings.stream().anyMatch(w -> w.contains("garbage-collected while running")));
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void imapStartedBeforeCloseRunsInFullAndItsIteratorYieldsEveryResultAfterwards() {
        List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
        Pool pool = TestPools.newPool(startMethod, 2);
        Iterator<Integer> ordered = pool.imap(PoolLifecycleTest::triple, inputs, 1);
        Iterator<Integer> unordered = pool.imapUnordered(PoolLifecycleTest::triple, inputs, 1);
        List<Integer> seen = new ArrayList<>(List.of(ordered.next()));

        pool.close();

        ordered.forEachRemaining(seen::add);
        assertEquals(inputs.stream().map(x -> 3 * x).toList(), seen);
        List<Integer> unorderedSeen = new ArrayList<>();
        unordered.forEachRemaining(unorderedSeen::add);
        unorderedSeen.sort(null);
        assertEquals(seen, unorderedSeen);
        assertThrows(IllegalStateException.class, () -> pool.imap(PoolLifecycleTest::triple, inputs, 1));
    }
}
