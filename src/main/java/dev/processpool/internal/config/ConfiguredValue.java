package dev.processpool.internal.config;

import java.util.List;

/**
 * One configured value of a pool member, as its source gave it.
 *
 * @param origin where it was set, e.g. {@code system property processpool.thumbnails.processes}
 * @param text the value as written (a JSON array as its JSON text)
 * @param list the value as a list: a property's whitespace-separated words, or a JSON array's strings
 */
public record ConfiguredValue(String origin, String text, List<String> list) {

    /** {@code system property processpool.thumbnails.processes='eight'}: for messages. */
    public String shown() {
        return origin + "='" + text + "'";
    }

    static ConfiguredValue ofText(String origin, String text) {
        String trimmed = text.strip();
        return new ConfiguredValue(origin, trimmed, trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+")));
    }
}
