package dev.processpool.internal.config;

import dev.processpool.internal.limits.LimitValues;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a pool's options and the words that refuse a value, in one place for every way an option is set:
 * {@code PoolOptions.Builder}, the {@code @ProcessPool} members checked at deployment, configuration, and an
 * administrator's resize. Each place shows the value its own way ({@code shown}: {@code -1}, or
 * {@code system property processpool.thumbnails.processes='-1'}) and says how to keep the default its own way
 * ({@code unset}: "leave it unset" in code, "leave it empty" on the annotation). The ceiling of processes is
 * {@link ProcessCeiling}'s; durations and sizes are read by {@code LimitValues}.
 */
public final class OptionRules {
    private static final String NAME_PATTERN = "[A-Za-z0-9._-]+";
    /** In code, how to keep an option's default. */
    public static final String UNSET_IN_CODE = "leave it unset";
    /** On the annotation, how to keep a member's default. */
    public static final String UNSET_ON_ANNOTATION = "leave it empty";

    private OptionRules() {
    }

    /** A pool's name: letters, digits and {@code . _ -}; null (none) is allowed. */
    public static Optional<String> name(String name, String unset) {
        if (name == null || name.matches(NAME_PATTERN)) {
            return Optional.empty();
        }
        return Optional.of("name must be letters, digits, '.', '_' or '-', as \"thumbnails\" is, got '" + name + "'; "
                + unset + " for a name the library gives");
    }

    /** {@code processes} set in code: at least 1, and within the ceiling. */
    public static Optional<String> processes(int n) {
        if (n < 1) {
            return Optional.of("processes must be at least 1, got " + n + "; " + UNSET_IN_CODE
                    + " for one worker per available processor");
        }
        return Optional.ofNullable(ProcessCeiling.problem("processes(" + n + ")", n));
    }

    /** {@code processes} on the annotation or in configuration, where {@code zero} means one per processor. */
    public static Optional<String> processes(String shown, int n, String zero) {
        if (n < 0) {
            return Optional.of(notProcesses(shown, zero));
        }
        return Optional.ofNullable(ProcessCeiling.problem(shown, n));
    }

    /** What refuses a value that is no number of workers. */
    public static String notProcesses(String shown, String zero) {
        return shown + " is not a number of workers; use at least 1, or " + zero + " for one per available processor";
    }

    /** A running pool's new size, from an administrator ({@code what}: the pool, as "resizing pool-1"). */
    public static Optional<String> resize(String what, int n) {
        if (n < 1) {
            return Optional.of("a pool needs at least 1 worker process, got " + n
                    + "; a pool stops when its application is undeployed, not by resizing");
        }
        return Optional.ofNullable(ProcessCeiling.problem(what, n));
    }

    /** {@code maxTasksPerChild} set in code: at least 1, or 0 for no limit. */
    public static Optional<String> maxTasksPerChild(int n) {
        return n >= 0 ? Optional.empty()
                : Optional.of("maxTasksPerChild must be at least 1, or 0 for unlimited, got " + n);
    }

    /** {@code maxTasksPerChild} on the annotation or in configuration. */
    public static Optional<String> maxTasksPerChild(String shown, int n, String zero) {
        return n >= 0 ? Optional.empty() : Optional.of(notMaxTasks(shown, zero));
    }

    /** What refuses a value that is no number of tasks. */
    public static String notMaxTasks(String shown, String zero) {
        return shown + " is not a number of tasks; use at least 1, or " + zero + " for no limit";
    }

    private static boolean isJvmOption(String option) {
        return option != null && !option.isBlank() && option.startsWith("-");
    }

    /** {@code jvmOptions} set in code: the first that is not a JVM option, refused. */
    public static Optional<String> jvmOptions(String... options) {
        for (String option : options) {
            if (!isJvmOption(option)) {
                return Optional.of("jvmOptions must each be a JVM option starting with '-', got '" + option + "' in "
                        + Arrays.toString(options));
            }
        }
        return Optional.empty();
    }

    /** {@code jvmOptions} on the annotation or in configuration: a problem for each that is not a JVM option. */
    public static List<String> jvmOptions(String shownList, List<String> options) {
        return options.stream()
                .filter(option -> !isJvmOption(option))
                .map(option -> "'" + option + "' in " + shownList
                        + " is not a JVM option; each must start with '-', as \"-Xmx256m\" does")
                .toList();
    }

    /** The name of an environment variable set for the workers. */
    public static Optional<String> environmentName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('=') >= 0) {
            return Optional.of("environment variable name must be non-empty without '=', got '" + name + "'");
        }
        return Optional.empty();
    }

    /** {@code taskTimeout} set in code: more than zero, or null for no limit. */
    public static Optional<String> taskTimeout(Duration limit) {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            return Optional.of("taskTimeout must be more than zero, got " + limit + "; " + UNSET_IN_CODE
                    + " (null) for no limit");
        }
        return Optional.empty();
    }

    /** {@code taskTimeout} on the annotation or in configuration: {@code ""} is no limit, else a positive duration. */
    public static Optional<String> taskTimeout(String shown, String value) {
        try {
            if (!value.isBlank()) {
                LimitValues.duration(value);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(shown + " is not a task timeout: " + e.getMessage() + "; or \"\" for no limit");
        }
    }

    /** {@code maxMemoryPerChild} set in code: a number of bytes, or 0 for no limit. */
    public static Optional<String> maxMemoryPerChild(long bytes) {
        return bytes >= 0 ? Optional.empty() : Optional.of("maxMemoryPerChild must be a number of bytes, or 0 for no"
                + " limit, got " + bytes);
    }

    /** {@code maxMemoryPerChild} on the annotation or in configuration: {@code ""} is no limit, else a size. */
    public static Optional<String> maxMemoryPerChild(String shown, String value) {
        try {
            if (!value.isBlank()) {
                LimitValues.bytes(value);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(shown + " is not a memory limit: " + e.getMessage() + "; or \"\" (or 0) for no limit");
        }
    }

    /** Throws the problem, if there is one, as the refusal of the value. */
    public static void require(Optional<String> problem) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }
}
