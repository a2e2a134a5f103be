package dev.processpool.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain values written and read without JSON-B: the same JSON as JSON-B, and the same refusals. */
class PlainValuesTest {
    private final PlainValues ints = PlainValues.of(Integer.class);
    private final PlainValues longs = PlainValues.of(Long.class);

    @Test
    void integersAreWrittenAsJsonbWritesThem() throws Exception {
        List<Integer> values = Arrays.asList(0, -1, null, Integer.MAX_VALUE, Integer.MIN_VALUE);
        try (var jsonb = JsonbBuilder.create()) {
            assertEquals(jsonb.toJson(values), ints.encode(values));
        }
        assertEquals("[9223372036854775807,null,-9223372036854775808]",
                longs.encode(Arrays.asList(Long.MAX_VALUE, null, Long.MIN_VALUE)));
    }

    @Test
    void integersReadBackWhateverTheirSpacing() {
        assertEquals(Arrays.asList(1, null, -20, 0), ints.decode(" [ 1 ,null,\n-20 , 0 ] "));
        assertEquals(List.of(), ints.decode("[]"));
        assertEquals(List.of(Long.MAX_VALUE, Long.MIN_VALUE), longs.decode("[9223372036854775807,-9223372036854775808]"));
    }

    @Test
    void integralNumbersInOtherFormsAreReadByTheGeneralParser() {
        assertEquals(List.of(1, 100), ints.decode("[1.0,1e2]"));
    }

    @Test
    void valuesThatAreNoIntegersOrDoNotFitAreRefused() {
        assertThrows(JsonbException.class, () -> ints.decode("[2147483648]"));
        assertThrows(JsonbException.class, () -> ints.decode("[1.5]"));
        assertThrows(JsonbException.class, () -> ints.decode("[\"1\"]"));
        assertThrows(JsonbException.class, () -> longs.decode("[9223372036854775808]"));
        assertThrows(RuntimeException.class, () -> ints.decode("[1,"));
        assertThrows(RuntimeException.class, () -> ints.decode("[01]"));
        assertThrows(RuntimeException.class, () -> ints.decode("[nul]"));
        assertThrows(RuntimeException.class, () -> ints.decode("[1,\u2003 2]"), "a space beyond Latin-1 is no JSON space");
        assertThrows(RuntimeException.class, () -> ints.decode("[1\u0100]"));
    }

    @Test
    void oneValueIsWrittenAndReadAlone() {
        assertEquals("42", ints.encodeOne(42));
        assertEquals(42, ints.decodeOne("42"));
        assertEquals("\"a\\\"b\"", PlainValues.of(String.class).encodeOne("a\"b"));
        assertEquals("a\"b", PlainValues.of(String.class).decodeOne("\"a\\\"b\""));
    }
}
