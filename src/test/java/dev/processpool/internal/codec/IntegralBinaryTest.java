package dev.processpool.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code int} and {@code long} lists travel as raw numbers; everything else, and a list with a null, as JSON. */
class IntegralBinaryTest {
    private final ValueCodec ints = new ValueCodec(Integer.class);
    private final ValueCodec longs = new ValueCodec(long.class);

    @Test
    void intsAndLongsTravelInBinaryAndComeBackEqual() throws Exception {
        List<Integer> someInts = List.of(0, -1, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE);
        byte[] encoded = ints.encode(someInts);
        assertTrue(IntegralBinary.isBinary(encoded));
        assertEquals(1 + 4 * someInts.size(), encoded.length, "a tag and 4 bytes a value");
        assertEquals(someInts, ints.decode(encoded, null));

        List<Long> someLongs = List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L);
        assertEquals(someLongs, longs.decode(longs.encode(someLongs), null));
        assertEquals(List.of(), ints.decode(ints.encode(List.of()), null));
    }

    @Test
    void aListWithANullTravelsAsJson() throws Exception {
        List<Integer> withNull = Arrays.asList(1, null, 3);
        byte[] encoded = ints.encode(withNull);
        assertFalse(IntegralBinary.isBinary(encoded));
        assertEquals("[1,null,3]", new String(encoded, StandardCharsets.UTF_8));
        assertEquals(withNull, ints.decode(encoded, null));
    }

    @Test
    void otherTypesTravelAsJson() throws Exception {
        ValueCodec strings = new ValueCodec(String.class);
        assertEquals("[\"a\"]", new String(strings.encode(List.of("a")), StandardCharsets.UTF_8));
        ValueCodec doubles = new ValueCodec(Double.class);
        assertEquals(List.of(1.5), doubles.decode(doubles.encode(List.of(1.5)), null));
    }

    @Test
    void binaryValuesOfTheWrongWidthOrTypeAreRefusedSayingWhatCame() {
        byte[] someInts = ints.encode(List.of(1, 2, 3));
        JsonbException wrongWidth = assertThrows(JsonbException.class, () -> longs.decode(someInts, null));
        assertTrue(wrongWidth.getMessage().contains("expected long values, got int values"), wrongWidth.getMessage());
        JsonbException notIntegral = assertThrows(JsonbException.class,
                () -> new ValueCodec(String.class).decode(someInts, null));
        assertTrue(notIntegral.getMessage().contains("java.lang.String"), notIntegral.getMessage());
        byte[] cutShort = Arrays.copyOf(someInts, someInts.length - 1);
        assertThrows(JsonbException.class, () -> ints.decode(cutShort, null));
    }

    @Test
    void aValueOfAnotherTypeInAnIntListIsRefused() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Integer> polluted = (List) List.of(1, "two");
        assertThrows(ClassCastException.class, () -> ints.encode(polluted));
    }
}
