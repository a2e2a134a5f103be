package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class MaxTasksPerChildTest {
    @Parameter
    String startMethod;

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    @Test
    void maxTasksPerChildOfOneGivesANewWorkerPerTask() {
        try (Pool pool = TestPools.newPool(startMethod, PoolOptions.builder().processes(1).maxTasksPerChild(1).build())) {
            Set<Long> pids = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                pids.add(pool.apply(MaxTasksPerChildTest::pid, i));
            }
            assertEquals(5, pids.size(), "pids: " + pids);
        }
    }
}
