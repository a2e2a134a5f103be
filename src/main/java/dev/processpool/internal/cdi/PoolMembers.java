package dev.processpool.internal.cdi;

import dev.processpool.ProcessPool;
import dev.processpool.ProcessRunnable;
import dev.processpool.internal.config.ConfiguredValue;
import dev.processpool.internal.config.OptionRules;
import dev.processpool.internal.config.PoolConfiguration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The values a pool is made with: the annotation's, each replaced by its configured value where an administrator
 * set one ({@link PoolConfiguration}). {@link #configure} checks every configured value and reports each bad one.
 *
 * @param initializer {@code ProcessRunnable.class} for none, as on the annotation
 */
record PoolMembers(String startMethod, int processes, int maxTasksPerChild,
        Class<? extends ProcessRunnable> initializer, List<String> jvmOptions, String taskTimeout,
        String maxMemoryPerChild) {

    static PoolMembers of(ProcessPool pool) {
        return new PoolMembers(pool.startMethod(), pool.processes(), pool.maxTasksPerChild(), pool.initializer(),
                List.of(pool.jvmOptions()), pool.taskTimeout(), pool.maxMemoryPerChild());
    }

    /**
     * These members with {@code configured} applied; each bad value (or unknown member) goes to {@code problems},
     * and its member keeps the value it had. The initializer is loaded with {@code loader}, the owner's.
     */
    PoolMembers configure(Map<String, ConfiguredValue> configured, ClassLoader loader, Consumer<String> problems) {
        PoolMembers members = this;
        for (Map.Entry<String, ConfiguredValue> entry : configured.entrySet()) {
            ConfiguredValue value = entry.getValue();
            try {
                members = members.with(entry.getKey(), value, loader);
            } catch (IllegalArgumentException bad) {
                problems.accept(bad.getMessage());
            }
        }
        return members;
    }

    private PoolMembers with(String member, ConfiguredValue value, ClassLoader loader) {
        String text = value.text();
        return switch (member) {
            case "startMethod" -> {
                MemberChecks.startMethod(text).filter(r -> !text.isEmpty()).ifPresent(reason -> {
                    throw new IllegalArgumentException(value.shown() + ": " + reason);
                });
                yield new PoolMembers(text, processes, maxTasksPerChild, initializer, jvmOptions, taskTimeout,
                        maxMemoryPerChild);
            }
            case "processes" -> new PoolMembers(startMethod, processes(value), maxTasksPerChild, initializer,
                    jvmOptions, taskTimeout, maxMemoryPerChild);
            case "maxTasksPerChild" -> new PoolMembers(startMethod, processes,
                    count(value, OptionRules.notMaxTasks(value.shown(), "0")), initializer, jvmOptions,
                    taskTimeout, maxMemoryPerChild);
            case "initializer" -> new PoolMembers(startMethod, processes, maxTasksPerChild,
                    initializer(value, loader), jvmOptions, taskTimeout, maxMemoryPerChild);
            case "jvmOptions" -> new PoolMembers(startMethod, processes, maxTasksPerChild, initializer,
                    jvmOptions(value), taskTimeout, maxMemoryPerChild);
            case "taskTimeout" -> new PoolMembers(startMethod, processes, maxTasksPerChild, initializer,
                    jvmOptions, checked(value, OptionRules.taskTimeout(value.shown(), text)), maxMemoryPerChild);
            case "maxMemoryPerChild" -> new PoolMembers(startMethod, processes, maxTasksPerChild, initializer,
                    jvmOptions, taskTimeout, checked(value, OptionRules.maxMemoryPerChild(value.shown(), text)));
            default -> throw new IllegalArgumentException(value.origin() + ": there is no pool setting '" + member
                    + "'; known: " + String.join(", ", PoolConfiguration.MEMBERS));
        };
    }

    private static String checked(ConfiguredValue value, java.util.Optional<String> problem) {
        problem.ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return value.text().strip();
    }

    private static int processes(ConfiguredValue value) {
        int n = count(value, OptionRules.notProcesses(value.shown(), "0"));
        OptionRules.require(OptionRules.processes(value.shown(), n, "0"));
        return n;
    }

    private static int count(ConfiguredValue value, String problem) {
        try {
            int n = Integer.parseInt(value.text());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // the problem below says what to use
        }
        throw new IllegalArgumentException(problem);
    }

    private static Class<? extends ProcessRunnable> initializer(ConfiguredValue value, ClassLoader loader) {
        if (value.text().isEmpty()) {
            return ProcessRunnable.class;
        }
        Class<?> type;
        try {
            type = Class.forName(value.text(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(value.shown() + ": the application has no class " + value.text()
                    + " (" + e + "); name a public class that implements " + ProcessRunnable.class.getName()
                    + ", by its binary name (a nested one as Outer$Inner)");
        }
        MemberChecks.initializer(type).ifPresent(reason -> {
            throw new IllegalArgumentException(value.shown() + ": " + reason);
        });
        return type.asSubclass(ProcessRunnable.class);
    }

    private static List<String> jvmOptions(ConfiguredValue value) {
        if (value.list() == null) {
            throw new IllegalArgumentException(value.shown() + " is not a list of JVM options; in a JSON file give an"
                    + " array of strings, as [\"-Xmx256m\", \"-Dfoo=bar\"]");
        }
        List<String> problems = OptionRules.jvmOptions(value.shown(), value.list());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return value.list();
    }
}
