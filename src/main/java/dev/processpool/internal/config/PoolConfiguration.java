package dev.processpool.internal.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What administrators configured for named pools, read at one moment for one application (class loader). Sources,
 * highest first: Java system properties; MicroProfile Config, where its API and an implementation are present; the
 * JSON file whose path is the system property (or MicroProfile Config key) {@code processpool.config}. For each
 * member of a pool the highest source that sets it wins.
 */
public final class PoolConfiguration {
    /** The key naming the JSON file. */
    public static final String FILE_KEY = "processpool.config";
    /** The members a pool's configuration may set, as {@code @ProcessPool} names them. */
    public static final List<String> MEMBERS =
            List.of("startMethod", "processes", "maxTasksPerChild", "initializer", "jvmOptions", "taskTimeout",
                    "maxMemoryPerChild");
    private static final boolean MICROPROFILE_API_PRESENT = microProfileApiPresent();

    private final Map<String, Map<String, ConfiguredValue>> pools;
    private final List<String> problems;

    private PoolConfiguration(Map<String, Map<String, ConfiguredValue>> pools, List<String> problems) {
        this.pools = pools;
        this.problems = problems;
    }

    /** The configuration as it is now, MicroProfile Config's being that of {@code loader}. */
    public static PoolConfiguration read(ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        List<ConfigSource> sources = new ArrayList<>();   // highest first
        sources.add(new SystemPropertySource());
        Optional<MicroProfileSource> microProfile = microProfile(loader);
        microProfile.ifPresent(sources::add);
        String path = System.getProperty(FILE_KEY);
        String setBy = SystemPropertySource.KIND + " " + FILE_KEY;
        if (path == null && microProfile.isPresent()) {
            path = microProfile.get().value(FILE_KEY).orElse(null);
            setBy = MicroProfileSource.KIND + " " + FILE_KEY;
        }
        if (path != null) {
            jsonFile(path, setBy, problems).ifPresent(sources::add);
        }
        Map<String, Map<String, ConfiguredValue>> pools = new LinkedHashMap<>();
        for (int i = sources.size() - 1; i >= 0; i--) {
            sources.get(i).sections().forEach((name, values) ->
                    pools.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(values));
        }
        return new PoolConfiguration(pools, List.copyOf(problems));
    }

    private static Optional<MicroProfileSource> microProfile(ClassLoader loader) {
        return MICROPROFILE_API_PRESENT ? MicroProfileSource.of(loader) : Optional.empty();
    }

    private static boolean microProfileApiPresent() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false,
                    PoolConfiguration.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    private static Optional<ConfigSource> jsonFile(String path, String setBy, List<String> problems) {
        try {
            return JsonFileSource.read(Path.of(path), setBy, problems);
        } catch (java.nio.file.InvalidPathException e) {
            problems.add("'" + path + "' (set by " + setBy + ") is not a file path: " + e.getMessage());
        } catch (LinkageError | jakarta.json.JsonException noJsonb) {
            problems.add("reading the pool configuration file " + path + " (set by " + setBy + ") needs JSON-B"
                    + " (jakarta.json.bind and a provider such as Yasson), which is missing: " + noJsonb);
        }
        return Optional.empty();
    }

    /** What kept a source from being read (a missing or malformed file); the other sources still apply. */
    public List<String> problems() {
        return problems;
    }

    /** Every pool name configured by some source. */
    public Set<String> names() {
        return Collections.unmodifiableSet(pools.keySet());
    }

    /** The winning value of each member configured for {@code name}, members the library does not know included. */
    public Map<String, ConfiguredValue> pool(String name) {
        return Collections.unmodifiableMap(pools.getOrDefault(name, Map.of()));
    }
}
