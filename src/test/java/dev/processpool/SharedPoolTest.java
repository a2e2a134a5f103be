package dev.processpool;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Base of test classes that share one pool per start method, as CPython's pool tests share one per class:
 * the class runs once per start method, and its pool is closed after the last test.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedPoolTest {
    @Parameter
    String startMethod;
    Pool pool;

    /** Workers of the shared pool. */
    int processes() {
        return 2;
    }

    /** Lazily, because the start method is injected only after {@code @BeforeAll}. */
    @BeforeEach
    final void startSharedPool() {
        if (pool == null) {
            pool = TestPools.newPool(startMethod, processes());
        }
    }

    @AfterAll
    final void closeSharedPool() {
        if (pool != null) {
            pool.close();
        }
    }
}
