package dev.processpool.internal.codec;

import java.nio.charset.StandardCharsets;

/**
 * JSON text that keeps every code unit of its strings. UTF-8 cannot hold a lone surrogate (a {@code char}
 * between {@code \uD800} and {@code \uDFFF} without its pair): encoding turns it into {@code ?}. JSON can, as an
 * escape, which every JSON reader turns back into that very {@code char}. Outside strings JSON text is ASCII, so
 * a lone surrogate found anywhere in it is inside a string.
 */
final class JsonText {
    private JsonText() {
    }

    /** {@code json} with each lone surrogate written as its {@code \\uXXXX} escape; the same string if none. */
    static String escapeLoneSurrogates(String json) {
        int first = firstLoneSurrogate(json, 0);
        if (first < 0) {
            return json;
        }
        StringBuilder escaped = new StringBuilder(json.length() + 16);
        int from = 0;
        for (int at = first; at >= 0; at = firstLoneSurrogate(json, at + 1)) {
            escaped.append(json, from, at).append(String.format("\\u%04X", (int) json.charAt(at)));
            from = at + 1;
        }
        return escaped.append(json, from, json.length()).toString();
    }

    static byte[] utf8(String json) {
        return escapeLoneSurrogates(json).getBytes(StandardCharsets.UTF_8);
    }

    private static int firstLoneSurrogate(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;   // a pair: one code point, which UTF-8 holds
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
