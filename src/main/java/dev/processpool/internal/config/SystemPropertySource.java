package dev.processpool.internal.config;

import java.util.Map;

/** Java system properties, the highest source: {@code -Dprocesspool.thumbnails.processes=8}. */
final class SystemPropertySource implements ConfigSource {
    static final String KIND = "system property";

    @Override
    public Map<String, Map<String, ConfiguredValue>> sections() {
        return PropertyKeys.sections(System.getProperties().stringPropertyNames(), System::getProperty, KIND);
    }
}
