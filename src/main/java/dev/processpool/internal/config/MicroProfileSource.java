package dev.processpool.internal.config;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * MicroProfile Config of the owner's class loader, where its API and an implementation are present. Keys that are
 * also system properties are left to {@link SystemPropertySource}, which MicroProfile Config would report again.
 * Only loaded once {@link #API_PRESENT} says the API is there.
 */
final class MicroProfileSource implements ConfigSource {
    static final String KIND = "MicroProfile Config key";
    private final Config config;

    private MicroProfileSource(Config config) {
        this.config = config;
    }

    /** The source of {@code loader}'s configuration; empty where the API is there but no implementation is. */
    static Optional<MicroProfileSource> of(ClassLoader loader) {
        try {
            return Optional.of(new MicroProfileSource(ConfigProvider.getConfig(loader)));
        } catch (IllegalStateException | java.util.ServiceConfigurationError noImplementation) {
            return Optional.empty();
        }
    }

    /** A value of {@code key} not set as a system property, if any. */
    Optional<String> value(String key) {
        return System.getProperty(key) != null ? Optional.empty() : config.getOptionalValue(key, String.class);
    }

    @Override
    public Map<String, Map<String, ConfiguredValue>> sections() {
        return PropertyKeys.sections(config.getPropertyNames(), key -> value(key).orElse(null), KIND);
    }
}
