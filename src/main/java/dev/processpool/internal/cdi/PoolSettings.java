package dev.processpool.internal.cdi;

import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import dev.processpool.ProcessPool;
import dev.processpool.ProcessRunnable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a {@link ProcessPool} annotation asks for, in the engine's terms: a start method ({@code ""} for the default)
 * and {@link PoolOptions}. {@link #problems} checks the members at deployment; {@link #of} builds the settings.
 */
record PoolSettings(String startMethod, PoolOptions options) {

    /** Every bad member value of {@code pool}; empty if the pool can be made. */
    static List<MemberProblem> problems(ProcessPool pool) {
        List<MemberProblem> problems = new ArrayList<>();
        if (!pool.name().isEmpty()) {
            try {
                PoolOptions.builder().name(pool.name());
            } catch (IllegalArgumentException e) {
                problems.add(new MemberProblem("name", e.getMessage().replace("leave it unset", "leave it empty")));
            }
        }
        if (!pool.startMethod().isEmpty()) {
            try {
                ProcessContext.of(pool.startMethod());
            } catch (IllegalArgumentException e) {
                problems.add(new MemberProblem("startMethod", e.getMessage()
                        + "; or leave it empty for the default start method"));
            }
        }
        if (pool.processes() < 0) {
            problems.add(new MemberProblem("processes", pool.processes() + " is not a number of workers; use at"
                    + " least 1, or 0 (the default) for one per available processor"));
        }
        if (pool.maxTasksPerChild() < 0) {
            problems.add(new MemberProblem("maxTasksPerChild", pool.maxTasksPerChild() + " is not a number of"
                    + " tasks; use at least 1, or 0 (the default) for no limit"));
        }
        for (String option : pool.jvmOptions()) {
            if (option == null || option.isBlank() || !option.startsWith("-")) {
                problems.add(new MemberProblem("jvmOptions", "'" + option + "' in " + Arrays.toString(pool.jvmOptions())
                        + " is not a JVM option; each must start with '-', as \"-Xmx256m\" does"));
            }
        }
        initializerProblem(pool.initializer()).ifPresent(problems::add);
        return problems;
    }

    private static Optional<MemberProblem> initializerProblem(Class<? extends ProcessRunnable> type) {
        if (type == ProcessRunnable.class) {
            return Optional.empty();
        }
        String name = type.getName() + ".class";
        String reason = null;
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            reason = name + " is abstract; name a concrete class whose run() initializes each worker";
        } else if (!Modifier.isPublic(type.getModifiers())
                || type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            reason = name + " is not a public top-level or static nested class; make it one, so that workers can"
                    + " load and create it";
        } else if (publicNoArgConstructor(type) == null) {
            reason = name + " has no public no-argument constructor; add one, the pool creates the initializer"
                    + " with it";
        }
        return Optional.ofNullable(reason).map(r -> new MemberProblem("initializer", r));
    }

    private static Constructor<?> publicNoArgConstructor(Class<?> type) {
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * The settings of {@code pool}.
     *
     * @throws IllegalArgumentException naming every bad member, for {@code where} (values not checked at deployment,
     *         such as those of a {@link ProcessPool.Literal} chosen at run time)
     */
    static PoolSettings of(ProcessPool pool, String where) {
        List<MemberProblem> problems = problems(pool);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(p -> p.message(where))
                    .collect(Collectors.joining("; ")));
        }
        PoolOptions.Builder options = PoolOptions.builder()
                .name(pool.name().isEmpty() ? null : pool.name())
                .maxTasksPerChild(pool.maxTasksPerChild())
                .jvmOptions(pool.jvmOptions());
        if (pool.processes() != PoolOptions.AUTO_PROCESSES) {
            options.processes(pool.processes());
        }
        if (pool.initializer() != ProcessRunnable.class) {
            options.initializer(newInitializer(pool.initializer(), where));
        }
        return new PoolSettings(pool.startMethod(), options.build());
    }

    private static ProcessRunnable newInitializer(Class<? extends ProcessRunnable> type, String where) {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the initializer " + type.getName() + " of " + where
                    + " threw in its constructor: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create the initializer " + type.getName() + " of " + where
                    + ": " + e, e);
        }
    }

    /** The context the pool comes from: the named start method's, or the default one. */
    ProcessContext context() {
        return startMethod.isEmpty() ? ProcessContext.defaultContext() : ProcessContext.of(startMethod);
    }
}
