package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.processpool.internal.pool.WorkerPool;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A closed pool holds no timer, thread or registration that keeps it reachable: it is collected at once. */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class ClosedPoolCollectableTest {
    @Parameter
    String startMethod;

    static int twice(int x) {
        return 2 * x;
    }

    /** Uses and closes a pool; returns weak references to it and to its engine. */
    private List<WeakReference<Object>> useAndClose() {
        WorkerPool pool = TestPools.newPool(startMethod, 2);
        assertEquals(List.of(2, 4, 6), pool.map(ClosedPoolCollectableTest::twice, List.of(1, 2, 3), 1));
        List<WeakReference<Object>> references = List.of(new WeakReference<>(pool), new WeakReference<>(pool.control()));
        pool.close();
        return references;
    }

    @Test
    void aClosedPoolAndItsEngineAreCollectedAtOnce() {
        List<WeakReference<Object>> references = useAndClose();
        // Well within the 10 s a retiring worker is given and the 60 s a starting one is, which timers used to hold.
        TestPools.await("the closed pool to be collected", Duration.ofSeconds(5), () -> {
            System.gc();
            return references.stream().allMatch(reference -> reference.get() == null);
        }, () -> references.stream().map(reference -> String.valueOf(reference.get())).toList().toString());
    }
}
