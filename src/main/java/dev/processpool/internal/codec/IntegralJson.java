package dev.processpool.internal.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON arrays of {@code int} or {@code long} values (and nulls), written and read by hand: a {@code map} of
 * tiny tasks spends most of its time here, and a loop over characters costs a fraction of a streaming
 * parser's events. The JSON is what JSON-B writes. Reading gives up (returns null) on anything else, such as
 * {@code 1.0}, an exponent, or a number out of range, and leaves it to the general parser.
 */
final class IntegralJson {
    /** Decimal digits of {@code Long.MIN_VALUE} and {@code Long.MAX_VALUE}: more cannot fit a long. */
    private static final int MAX_DIGITS = 19;

    private IntegralJson() {
    }

    static String write(List<?> values) {
        StringBuilder json = new StringBuilder(values.size() * 8 + 2).append('[');
        for (Object value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            if (value == null) {
                json.append("null");
            } else if (value instanceof Long l) {
                json.append(l.longValue());
            } else {
                json.append(((Number) value).intValue());
            }
        }
        return json.append(']').toString();
    }

    /** @return the values, or null if {@code json} is anything but an array of integers in range and nulls */
    static List<Object> read(String json, boolean ints) {
        int length = json.length();
        int i = skipSpace(json, 0);
        if (i == length || json.charAt(i) != '[') {
            return null;
        }
        List<Object> values = new ArrayList<>();
        i = skipSpace(json, i + 1);
        if (i < length && json.charAt(i) == ']') {
            return skipSpace(json, i + 1) == length ? values : null;
        }
        while (i < length) {
            if (json.startsWith("null", i)) {
                values.add(null);
                i += 4;
            } else {
                boolean negative = json.charAt(i) == '-';
                int start = negative ? i + 1 : i;
                int end = start;
                long magnitude = 0;
                while (end < length && json.charAt(end) >= '0' && json.charAt(end) <= '9') {
                    magnitude = magnitude * 10 + (json.charAt(end) - '0');
                    end++;
                }
                int digits = end - start;
                if (digits == 0 || digits >= MAX_DIGITS || digits > 1 && json.charAt(start) == '0') {
                    return null;   // not a JSON integer, or one that may not fit: the general parser decides
                }
                long value = negative ? -magnitude : magnitude;
                if (ints && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
                    return null;
                }
                values.add(ints ? (Object) (int) value : (Object) value);
                i = end;
            }
            i = skipSpace(json, i);
            if (i < length && json.charAt(i) == ',') {
                i = skipSpace(json, i + 1);
            } else if (i < length && json.charAt(i) == ']') {
                return skipSpace(json, i + 1) == length ? values : null;
            } else {
                return null;
            }
        }
        return null;
    }

    private static int skipSpace(String json, int i) {
        while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == '\n' || json.charAt(i) == '\r'
                || json.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
