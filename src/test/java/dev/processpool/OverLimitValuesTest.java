package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value bigger than one message between a pool and its worker carries (1 GiB) is refused at submission, and
 * a result that big fails its item, each with a message naming its size and the limit: no dying worker, no
 * OutOfMemoryError in the caller.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class OverLimitValuesTest {
    private static final int OVER_LIMIT_CHARS = 1_100 << 20;

    @Parameter
    String startMethod;

    static int length(String text) {
        return text.length();
    }

    static String ofLength(int length) {
        return "x".repeat(length);
    }

    @Test
    void anArgumentOverTheLimitIsRefusedNamingItsSizeAndTheLimit() {
        try (Pool pool = TestPools.newPool(startMethod, 1)) {
            String huge = "x".repeat(OVER_LIMIT_CHARS);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> pool.apply(OverLimitValuesTest::length, huge));
            assertTrue(refused.getMessage().contains("1,100 MiB"), refused.getMessage());
            assertTrue(refused.getMessage().contains("1,023 MiB"), refused.getMessage());
            assertTrue(refused.getMessage().contains("java.lang.String"), refused.getMessage());
            IllegalArgumentException inAList = assertThrows(IllegalArgumentException.class,
                    () -> pool.apply((List<String> parts) -> parts.size(), List.of(huge.substring(0, 600 << 20),
                            huge.substring(0, 600 << 20))));
            assertTrue(inAList.getMessage().contains("over the 1,023 MiB"), inAList.getMessage());
            assertEquals(3, pool.apply(OverLimitValuesTest::length, "abc"), "the pool serves on");
        }
    }

    @Test
    void aResultOverTheLimitFailsItsItemNamingItsSizeAndTheLimit() {
        try (Pool pool = TestPools.newPool(startMethod, 1)) {
            TaskFailedException failed = assertThrows(TaskFailedException.class,
                    () -> pool.apply(OverLimitValuesTest::ofLength, OVER_LIMIT_CHARS));
            assertTrue(!(failed instanceof WorkerDiedException), "not a dying worker: " + failed.getMessage());
            assertTrue(failed.getMessage().contains("1,100 MiB"), failed.getMessage());
            assertTrue(failed.getMessage().contains("1,023 MiB"), failed.getMessage());
            assertEquals(List.of("ab", "abc".substring(0, 3)), pool.map((Integer n) -> "abc".substring(0, n), List.of(2, 3)),
                    "the same worker serves on");
        }
    }
}
