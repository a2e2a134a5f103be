package dev.processpool;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A pool dropped without close() is stopped when collected. close() itself: {@code CloseSemanticsTest}. */
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
}
