package dev.processpool.internal.codec;

import jakarta.json.bind.JsonbException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists of {@code int} or {@code long} values on the wire as raw numbers: a tag byte, then each value in 4 or 8
 * bytes, big-endian. A {@code map} of tiny tasks spends most of its time writing and reading its values, and
 * this costs a few nanoseconds a value where even a hand-written JSON loop costs tens. The tag is a control
 * character, which no JSON text starts with, so a reader tells the two forms apart by the first byte. A list
 * with a null in it is left to JSON.
 */
final class IntegralBinary {
    private static final byte INTS = 1;
    private static final byte LONGS = 2;

    private IntegralBinary() {
    }

    /** @return the list in binary form, or null if it holds a null */
    static byte[] write(List<?> values, boolean ints) {
        int width = ints ? Integer.BYTES : Long.BYTES;
        ByteBuffer bytes = ByteBuffer.allocate(1 + width * values.size()).put(ints ? INTS : LONGS);
        for (Object value : values) {
            if (value == null) {
                return null;
            }
            if (ints) {
                bytes.putInt((Integer) value);
            } else {
                bytes.putLong((Long) value);
            }
        }
        return bytes.array();
    }

    /** Whether {@code encoded} is in binary form rather than JSON. */
    static boolean isBinary(byte[] encoded) {
        return encoded.length > 0 && (encoded[0] == INTS || encoded[0] == LONGS);
    }

    /** @throws JsonbException when {@code encoded} holds values of the other width, or is cut short */
    static List<Object> read(byte[] encoded, boolean ints) {
        int width = ints ? Integer.BYTES : Long.BYTES;
        if (encoded[0] != (ints ? INTS : LONGS) || (encoded.length - 1) % width != 0) {
            throw new JsonbException("expected " + (ints ? "int" : "long") + " values, got "
                    + (encoded[0] == INTS ? "int" : "long") + " values in " + encoded.length + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
        int count = (encoded.length - 1) / width;
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(ints ? (Object) bytes.getInt() : (Object) bytes.getLong());
        }
        return values;
    }
}
