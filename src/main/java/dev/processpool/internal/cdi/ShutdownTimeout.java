package dev.processpool.internal.cdi;

import dev.processpool.internal.limits.LimitValues;
import java.time.Duration;

/**
 * How long a container-owned pool whose owner is destroyed may go on with the tasks it accepted before it is
 * terminated: the system property {@value #PROPERTY}, a duration as {@code "30s"}, default {@link #DEFAULT}.
 */
final class ShutdownTimeout {
    static final String PROPERTY = "processpool.shutdownTimeout";
    static final Duration DEFAULT = Duration.ofSeconds(30);

    private ShutdownTimeout() {
    }

    /** The bound set now; a bad value is logged and the default used, so a pool is still stopped. */
    static Duration get() {
        String text = System.getProperty(PROPERTY);
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        try {
            return LimitValues.duration(text);
        } catch (IllegalArgumentException e) {
            System.getLogger("dev.processpool.config").log(System.Logger.Level.WARNING, "system property {0}: {1};"
                    + " using {2}", PROPERTY, e.getMessage(), LimitValues.show(DEFAULT));
            return DEFAULT;
        }
    }
}
