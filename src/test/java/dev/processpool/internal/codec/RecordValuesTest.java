package dev.processpool.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plain records written and read without JSON-B: the same JSON as JSON-B, the same values back, and whatever does
 * not fit left to JSON-B, so that its errors and leniencies stay as they were.
 */
public class RecordValuesTest {
    public record Point(int y, long x) {
    }

    public record Labelled(String label, Double weight, boolean on, Point at, Integer count, double ratio) {
    }

    public record Checked(int positive) {
        public Checked {
            if (positive <= 0) {
                throw new IllegalArgumentException("not positive: " + positive);
            }
        }
    }

    public record Renamed(@JsonbProperty("n") int number) {
    }

    public record Holder<T>(T value) {
    }

    public record WithList(List<Integer> values) {
    }

    record Hidden(int value) {
    }

    private final ValueCodec labelled = new ValueCodec(Labelled.class);

    @Test
    void recordsAreWrittenAsJsonbWritesThem() throws Exception {
        StringBuilder everyControl = new StringBuilder("quote\" backslash\\ slash/ é \u2028 ");
        for (char c = 0; c < 0x20; c++) {
            everyControl.append(c);
        }
        List<Labelled> values = Arrays.asList(
                new Labelled(everyControl.toString(), 0.1, true, new Point(-1, Long.MAX_VALUE), null, 1e10),
                null,
                new Labelled(null, null, false, null, Integer.MIN_VALUE, -0.0),
                new Labelled("", 123456789.125, true, new Point(0, 0), 7, 1e-7));
        String fast = RecordValues.of(Labelled.class).encode(values);
        assertEquals(JsonbHolder.JSONB.toJson(values, TypeNames.parameterized(List.class, Labelled.class)), fast);
        assertEquals(values, labelled.decode(labelled.encode(values), getClass().getClassLoader()));
    }

    @Test
    void jsonInAnyOrderAndSpacingReadsBack() {
        String json = " [ {\"ratio\" : 2, \"count\":1,\"on\":true,\"label\":\"a\",\"weight\":null,"
                + "\"at\":{\"x\":3,\"y\":4}} ] ";
        assertEquals(List.of(new Labelled("a", null, true, new Point(4, 3), 1, 2.0)),
                RecordValues.of(Labelled.class).decode(json));
    }

    @Test
    void whatDoesNotFitIsLeftToJsonb() {
        RecordValues points = RecordValues.of(Point.class);
        assertNull(points.decode("[{\"x\":1}]"), "a property missing");
        assertNull(points.decode("[{\"x\":1,\"y\":2,\"z\":3}]"), "a property too many");
        assertNull(points.decode("[{\"x\":1,\"y\":null}]"), "null for a primitive");
        assertNull(points.decode("[{\"x\":1,\"y\":2147483648}]"), "out of range");
        assertNull(points.decode("[{\"x\":1,\"y\":1.5}]"), "not an integer");
        assertNull(points.decode("[{\"x\":1,\"y\":\"2\"}]"), "a string for a number");
        assertNull(points.decode("[{\"x\":1,\"y\":2}"), "malformed");
        assertNull(RecordValues.of(Checked.class).decode("[{\"positive\":0}]"), "the constructor refuses");
        assertNull(RecordValues.of(Labelled.class).encode(List.of(new Labelled("a", Double.NaN, true, null, 1, 0))),
                "NaN, which JSON-B refuses");
    }

    @Test
    void jsonbAnswersForWhatDoesNotFit() throws Exception {
        ValueCodec points = new ValueCodec(Point.class);
        ClassLoader loader = getClass().getClassLoader();
        assertEquals(List.of(new Point(0, 1)), points.decode(bytes("[{\"x\":1}]"), loader), "JSON-B's default");
        String outOfRange = "[{\"x\":1,\"y\":2147483648}]";
        assertEquals(JsonbHolder.JSONB.fromJson(outOfRange, TypeNames.parameterized(List.class, Point.class)),
                points.decode(bytes(outOfRange), loader), "as JSON-B reads it");
        assertThrows(JsonbException.class, () -> new ValueCodec(Checked.class).decode(bytes("[{\"positive\":0}]"),
                loader));
        assertThrows(JsonbException.class, () -> labelled.encode(List.of(new Labelled("a", Double.NaN, true, null,
                1, 0))));
    }

    @Test
    void recordsJsonbMustHandleAreNotTaken() {
        assertNull(RecordValues.of(Renamed.class), "a JSON-B annotation");
        assertNull(RecordValues.of(Holder.class), "generic");
        assertNull(RecordValues.of(WithList.class), "a component of another kind");
        assertNull(RecordValues.of(Hidden.class), "not public");
        assertNull(RecordValues.of(String.class), "not a record");
        assertNotNull(RecordValues.of(Labelled.class));
        assertEquals("[{\"n\":5}]", new String(new ValueCodec(Renamed.class).encode(List.of(new Renamed(5)))));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
