package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value comes back equal to what was sent: strings as their code units (lone surrogates included),
 * doubles bit for bit ({@code -0.0}, {@code NaN}, the infinities), whatever the declared type.
 * {@code Double.equals} compares bits, so assertEquals on the boxes checks exactly that.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class ValuesComeBackAsSentTest {
    private static final List<String> STRINGS = List.of("a\uD800b", "\uDC00", "z\uDBFF", "\uD83D\uDE00 pair",
            "\uDE00\uD83D reversed");
    private static final List<Double> DOUBLES = List.of(-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, 0.1, 1e-300);
    private static final List<Float> FLOATS = List.of(-0.0f, Float.NaN, Float.NEGATIVE_INFINITY, 0.1f);
    private static final List<Long> LONGS = List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L);
    private static final List<BigDecimal> DECIMALS = List.of(new BigDecimal("1.50"), new BigDecimal("-0.000"),
            new BigDecimal("1E+3"), new BigDecimal("123456789012345678901234567890.000000000000000000001"));

    @Parameter
    String startMethod;

    private static Pool pool;

    private Pool pool() {
        if (pool == null || !pool.startMethod().equals(startMethod)) {
            closePool();
            pool = TestPools.newPool(startMethod, 1);
        }
        return pool;
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    static Object same(Object value) {
        return value;
    }

    static String sameString(String value) {
        return value;
    }

    static double sameDouble(double value) {
        return value;
    }

    static Double sameBoxedDouble(Double value) {
        return value;
    }

    static float sameFloat(float value) {
        return value;
    }

    static long sameLong(long value) {
        return value;
    }

    static BigDecimal sameDecimal(BigDecimal value) {
        return value;
    }

    private static List<Object> all() {
        List<Object> all = new ArrayList<>();
        all.addAll(STRINGS);
        all.addAll(DOUBLES);
        all.addAll(FLOATS);
        all.addAll(LONGS);
        all.addAll(DECIMALS);
        return all;
    }

    @Test
    void asObjectEachValueComesBackAsSent() {
        for (Object value : all()) {
            assertEquals(value, pool().apply(ValuesComeBackAsSentTest::same, value), "apply of " + describe(value));
        }
        assertEquals(all(), pool().map(ValuesComeBackAsSentTest::same, all()), "map of them all");
    }

    @Test
    void asTheirTypesEachValueComesBackAsSent() {
        for (String value : STRINGS) {
            assertEquals(value, pool().apply(ValuesComeBackAsSentTest::sameString, value), describe(value));
        }
        for (Double value : DOUBLES) {
            assertEquals(value, pool().apply(ValuesComeBackAsSentTest::sameDouble, value), describe(value));
            assertEquals(value, pool().apply(ValuesComeBackAsSentTest::sameBoxedDouble, value), describe(value));
        }
        for (Float value : FLOATS) {
            assertEquals(value, pool().apply(ValuesComeBackAsSentTest::sameFloat, value), describe(value));
        }
        for (Long value : LONGS) {
            assertEquals(value, pool().apply(ValuesComeBackAsSentTest::sameLong, value), describe(value));
        }
        for (BigDecimal value : DECIMALS) {
            assertEquals(value, pool().apply(ValuesComeBackAsSentTest::sameDecimal, value), describe(value));
        }
        assertEquals(STRINGS, pool().map(ValuesComeBackAsSentTest::sameString, STRINGS));
        assertEquals(DOUBLES, pool().map(ValuesComeBackAsSentTest::sameDouble, DOUBLES));
        assertEquals(LONGS, pool().map(ValuesComeBackAsSentTest::sameLong, LONGS));
        assertEquals(DECIMALS, pool().map(ValuesComeBackAsSentTest::sameDecimal, DECIMALS));
    }

    @Test
    void capturedValuesComeBackAsSent() {
        String lone = "a\uD800b";
        double negativeZero = -0.0;
        assertEquals(lone, pool().apply((Integer x) -> lone, 1));
        assertEquals(negativeZero, (double) pool().apply((Integer x) -> negativeZero, 1));
        assertEquals(Double.valueOf(-0.0), pool().apply((Integer x) -> (Object) (-0.0 * x), 1), "computed in the worker");
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return s.chars().mapToObj(c -> String.format("\\u%04X", c)).reduce("", String::concat);
        }
        return value.getClass().getSimpleName() + " " + value;
    }
}
