package dev.processpool.internal.cdi;

import dev.processpool.ProcessContext;
import dev.processpool.ProcessRunnable;
import dev.processpool.internal.config.ProcessCeiling;
import dev.processpool.internal.limits.LimitValues;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a pool member's value, shared by the annotation's values and configured ones: each says what is
 * wrong and what to use instead, about the value as {@code shown} ({@code -1}, or
 * {@code system property processpool.thumbnails.processes='-1'}).
 */
final class MemberChecks {
    private MemberChecks() {
    }

    static Optional<String> startMethod(String value) {
        try {
            ProcessContext.of(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage() + "; or leave it empty for the default start method");
        }
    }

    /** {@code zero} says what 0 is: {@code "0 (the default)"} on the annotation, {@code "0"} in configuration. */
    static Optional<String> processes(String shown, int value, String zero) {
        if (value < 0) {
            return Optional.of(notProcesses(shown, zero));
        }
        return Optional.ofNullable(ProcessCeiling.problem(shown, value));
    }

    static String notProcesses(String shown, String zero) {
        return shown + " is not a number of workers; use at least 1, or " + zero + " for one per available processor";
    }

    static Optional<String> maxTasksPerChild(String shown, int value, String zero) {
        return value >= 0 ? Optional.empty() : Optional.of(notMaxTasks(shown, zero));
    }

    static String notMaxTasks(String shown, String zero) {
        return shown + " is not a number of tasks; use at least 1, or " + zero + " for no limit";
    }

    /** {@code ""} is no limit; anything else must be a positive duration. */
    static Optional<String> taskTimeout(String shown, String value) {
        try {
            if (!value.isBlank()) {
                LimitValues.duration(value);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(shown + " is not a task timeout: " + e.getMessage() + "; or \"\" for no limit");
        }
    }

    /** {@code ""} is no limit; anything else must be a size. */
    static Optional<String> maxMemoryPerChild(String shown, String value) {
        try {
            if (!value.isBlank()) {
                LimitValues.bytes(value);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(shown + " is not a memory limit: " + e.getMessage() + "; or \"\" (or 0) for no limit");
        }
    }

    /** A problem for each option of {@code options} (shown as {@code shownList}) that is not a JVM option. */
    static List<String> jvmOptions(String shownList, List<String> options) {
        return options.stream()
                .filter(option -> option == null || option.isBlank() || !option.startsWith("-"))
                .map(option -> "'" + option + "' in " + shownList
                        + " is not a JVM option; each must start with '-', as \"-Xmx256m\" does")
                .toList();
    }

    /** What keeps the pool from creating {@code type} in every worker, if anything. */
    static Optional<String> initializer(Class<?> type) {
        String name = type.getName() + ".class";
        if (!ProcessRunnable.class.isAssignableFrom(type)) {
            return Optional.of(name + " does not implement " + ProcessRunnable.class.getName() + "; name a class"
                    + " whose run() initializes each worker");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of(name + " is abstract; name a concrete class whose run() initializes each worker");
        }
        if (!Modifier.isPublic(type.getModifiers()) || type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of(name + " is not a public top-level or static nested class; make it one, so that"
                    + " workers can load and create it");
        }
        try {
            type.getConstructor();
            return Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of(name + " has no public no-argument constructor; add one, the pool creates the"
                    + " initializer with it");
        }
    }
}
