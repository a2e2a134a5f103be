package dev.processpool.internal.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Sections from flat keys {@code processpool.<name>.<member>}: the member is the last dot-separated part, the name
 * (which may contain dots) what lies between. Keys of the library's own global settings are left out.
 */
final class PropertyKeys {
    static final String PREFIX = "processpool.";
    /** Library settings that look like pool keys; {@code processpool.config} and the like have no name part. */
    private static final Set<String> GLOBAL_KEYS = Set.of(
            "processpool.forkserver.preload", "processpool.forkserver.reserve");

    private PropertyKeys() {
    }

    /** The sections of {@code keys}, each value read with {@code value} and described as {@code kind + " " + key}. */
    static Map<String, Map<String, ConfiguredValue>> sections(Iterable<String> keys, Function<String, String> value,
            String kind) {
        Map<String, Map<String, ConfiguredValue>> sections = new LinkedHashMap<>();
        for (String key : keys) {
            int lastDot = key.lastIndexOf('.');
            if (!key.startsWith(PREFIX) || lastDot <= PREFIX.length() || GLOBAL_KEYS.contains(key)) {
                continue;
            }
            String text = value.apply(key);
            if (text != null) {
                sections.computeIfAbsent(key.substring(PREFIX.length(), lastDot), name -> new LinkedHashMap<>())
                        .put(key.substring(lastDot + 1), ConfiguredValue.ofText(kind + " " + key, text));
            }
        }
        return sections;
    }
}
