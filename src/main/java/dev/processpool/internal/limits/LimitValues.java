package dev.processpool.internal.limits;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and byte sizes as people write them in annotations, configuration and system properties:
 * {@code "30s"}, {@code "500ms"}, {@code "2m"}, {@code "1h"} or ISO-8601 {@code "PT30S"}; {@code "512m"},
 * {@code "2g"}, {@code "300000k"} (the JVM's notation, powers of 1024) or plain bytes.
 */
public final class LimitValues {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*([kmgt]?)b?");
    public static final String DURATION_FORMS = "a duration as \"30s\", \"500ms\", \"2m\", \"1h\" or ISO-8601"
            + " \"PT30S\"";
    public static final String BYTES_FORMS = "a size as \"512m\", \"2g\", \"300000k\" (powers of 1024) or a number"
            + " of bytes";

    private LimitValues() {
    }

    /** @throws IllegalArgumentException for text that is no duration, or one that is not positive */
    public static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration duration = null;
        Matcher m = DURATION.matcher(value);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                duration = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else if (value.startsWith("pt") || value.startsWith("p")) {
                duration = Duration.parse(text.strip());
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            duration = null;
        }
        if (duration == null) {
            throw new IllegalArgumentException("'" + text + "' is not " + DURATION_FORMS);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration; use " + DURATION_FORMS);
        }
        return duration;
    }

    /** @throws IllegalArgumentException for text that is no size */
    public static long bytes(String text) {
        Matcher m = BYTES.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                int shift = switch (m.group(2)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    case "g" -> 30;
                    case "t" -> 40;
                    default -> 0;
                };
                if (n <= Long.MAX_VALUE >> shift) {
                    return n << shift;
                }
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not " + BYTES_FORMS);
    }

    /** The duration as its shortest usual text: {@code 30s}, {@code 500ms}. */
    public static String show(Duration d) {
        if (d.toMillis() % 1000 != 0 || d.toNanos() % 1_000_000 != 0) {
            return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + "ms" : d.toString();
        }
        return d.toSeconds() + "s";
    }
}
