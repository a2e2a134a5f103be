package dev.processpool.internal.cdi;

import dev.processpool.ProcessPool;
import dev.processpool.internal.config.PoolConfiguration;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Checks at deployment what administrators configured for the deployment's pools: the configuration of each
 * application class loader is read once, each named pool's values are checked, and a configured pool name that no
 * injection point uses is logged (it may belong to another deployment).
 */
final class ConfigurationCheck {
    private static final System.Logger LOG = System.getLogger("dev.processpool.config");

    /** A {@code @ProcessPool} injection point whose annotation is valid, and its owner's class loader. */
    private record PoolPoint(String where, ProcessPool pool, ClassLoader loader) {
    }

    private final Queue<PoolPoint> points = new ConcurrentLinkedQueue<>();

    void add(String where, ProcessPool pool, ClassLoader loader) {
        points.add(new PoolPoint(where, pool, loader));
    }

    /**
     * Every configuration problem of the named pools added, each once (unnamed pools are not configured, so a
     * deployment without named pools reads no configuration); then forgets them.
     */
    Set<String> problems() {
        Map<ClassLoader, List<PoolPoint>> byLoader = new LinkedHashMap<>();
        points.stream().filter(point -> !point.pool().name().isEmpty()).forEach(point -> byLoader.computeIfAbsent(point.loader(), l -> new ArrayList<>()).add(point));
        points.clear();
        Set<String> problems = new LinkedHashSet<>();
        byLoader.forEach((loader, pointsOfLoader) -> {
            PoolConfiguration configuration = PoolConfiguration.read(loader);
            configuration.problems().forEach(problem -> problems.add("Invalid pool configuration: " + problem));
            Set<String> used = new HashSet<>();
            for (PoolPoint point : pointsOfLoader) {
                used.add(point.pool().name());
                PoolSettings.configurationProblems(point.pool(), configuration, loader).forEach(problem ->
                        problems.add(PoolSettings.configurationMessage(point.pool(), point.where(), problem)));
            }
            warnOfUnused(configuration, used);
        });
        return problems;
    }

    /** Sections that configure a pool member for a name no injection point uses; other keys may be anyone's. */
    private static void warnOfUnused(PoolConfiguration configuration, Set<String> used) {
        for (String name : configuration.names()) {
            configuration.pool(name).entrySet().stream()
                    .filter(entry -> !used.contains(name) && PoolConfiguration.MEMBERS.contains(entry.getKey()))
                    .findFirst()
                    .ifPresent(entry -> LOG.log(Level.WARNING, "Pool configuration for pool name ''{0}'' ({1}) is"
                            + " not used: no @ProcessPool(name = \"{0}\") injection point of this deployment has that"
                            + " name; it may belong to another deployment, or the name is misspelt",
                            name, entry.getValue().origin()));
        }
    }
}
