package dev.processpool.internal.config;

import java.util.Map;

/** One source of pool configuration: every pool name it configures, each with its members' values. */
interface ConfigSource {

    /** Pool name to member name to value; members the library does not know are included, to be reported. */
    Map<String, Map<String, ConfiguredValue>> sections();
}
