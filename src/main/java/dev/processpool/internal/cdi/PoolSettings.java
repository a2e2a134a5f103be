package dev.processpool.internal.cdi;

import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import dev.processpool.ProcessPool;
import dev.processpool.ProcessRunnable;
import dev.processpool.internal.config.OptionRules;
import dev.processpool.internal.config.PoolConfiguration;
import dev.processpool.internal.limits.LimitValues;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link ProcessPool} annotation asks for, with what administrators configured for its name
 * ({@link PoolConfiguration}), in the engine's terms: a start method ({@code ""} for the default) and
 * {@link PoolOptions}. {@link #problems} and {@link #configurationProblems} check them at deployment; {@link #of}
 * builds the settings.
 */
record PoolSettings(String startMethod, PoolOptions options) {

    /** Every bad member value of {@code pool}; empty if the pool can be made. */
    static List<MemberProblem> problems(ProcessPool pool) {
        List<MemberProblem> problems = new ArrayList<>();
        if (!pool.name().isEmpty()) {
            OptionRules.name(pool.name(), OptionRules.UNSET_ON_ANNOTATION)
                    .ifPresent(r -> problems.add(new MemberProblem("name", r)));
        }
        if (!pool.startMethod().isEmpty()) {
            MemberChecks.startMethod(pool.startMethod()).ifPresent(r -> problems.add(new MemberProblem("startMethod", r)));
        }
        OptionRules.processes(Integer.toString(pool.processes()), pool.processes(), "0 (the default)")
                .ifPresent(r -> problems.add(new MemberProblem("processes", r)));
        OptionRules.maxTasksPerChild(Integer.toString(pool.maxTasksPerChild()), pool.maxTasksPerChild(),
                "0 (the default)").ifPresent(r -> problems.add(new MemberProblem("maxTasksPerChild", r)));
        OptionRules.jvmOptions(Arrays.toString(pool.jvmOptions()), Arrays.asList(pool.jvmOptions()))
                .forEach(r -> problems.add(new MemberProblem("jvmOptions", r)));
        OptionRules.taskTimeout("'" + pool.taskTimeout() + "'", pool.taskTimeout())
                .ifPresent(r -> problems.add(new MemberProblem("taskTimeout", r)));
        OptionRules.maxMemoryPerChild("'" + pool.maxMemoryPerChild() + "'", pool.maxMemoryPerChild())
                .ifPresent(r -> problems.add(new MemberProblem("maxMemoryPerChild", r)));
        if (pool.initializer() != ProcessRunnable.class) {
            MemberChecks.initializer(pool.initializer()).ifPresent(r -> problems.add(new MemberProblem("initializer", r)));
        }
        return problems;
    }

    /**
     * Every bad value configured for the named {@code pool} in {@code configuration}, each naming its source and key;
     * empty for an unnamed pool, which configuration does not reach.
     */
    static List<String> configurationProblems(ProcessPool pool, PoolConfiguration configuration, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        members(pool, configuration, loader, problems);
        return problems;
    }

    private static PoolMembers members(ProcessPool pool, PoolConfiguration configuration, ClassLoader loader,
            List<String> problems) {
        PoolMembers members = PoolMembers.of(pool);
        return pool.name().isEmpty() ? members
                : members.configure(configuration.pool(pool.name()), loader, problems::add);
    }

    /**
     * The settings of {@code pool} owned by a bean of {@code loader}, with the configuration as it is now.
     *
     * @throws IllegalArgumentException naming every bad member or configured value, for {@code where} (values not
     *         checked at deployment: those of a {@link ProcessPool.Literal} chosen at run time, or configuration
     *         changed since)
     */
    static PoolSettings of(ProcessPool pool, String where, ClassLoader loader) {
        List<String> problems = new ArrayList<>(problems(pool).stream().map(p -> p.message(where)).toList());
        PoolMembers members = PoolMembers.of(pool);
        if (problems.isEmpty() && !pool.name().isEmpty()) {
            PoolConfiguration configuration = PoolConfiguration.read(loader);
            List<String> configured = new ArrayList<>(configuration.problems());
            members = members(pool, configuration, loader, configured);
            configured.forEach(problem -> problems.add(configurationMessage(pool, where, problem)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        PoolOptions.Builder options = PoolOptions.builder()
                .name(pool.name().isEmpty() ? ownerName(where) : pool.name())
                .maxTasksPerChild(members.maxTasksPerChild())
                .jvmOptions(members.jvmOptions().toArray(String[]::new));
        if (members.processes() != PoolOptions.AUTO_PROCESSES) {
            options.processes(members.processes());
        }
        if (!members.taskTimeout().isBlank()) {
            options.taskTimeout(LimitValues.duration(members.taskTimeout()));
        }
        if (!members.maxMemoryPerChild().isBlank()) {
            options.maxMemoryPerChild(LimitValues.bytes(members.maxMemoryPerChild()));
        }
        if (members.initializer() != ProcessRunnable.class) {
            options.initializer(newInitializer(members.initializer(), where));
        }
        return new PoolSettings(members.startMethod(), options.build());
    }

    /**
     * The name of a pool without one: its owner's injection point, {@code ReportService.pool}, so that
     * administrators see whose it is ({@code Thumbnails(parameter 1)} becomes {@code Thumbnails-parameter-1}).
     */
    static String ownerName(String where) {
        return where.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^-|-$", "");
    }

    /** A configuration problem of the named {@code pool} injected at {@code where}, for a deployment error. */
    static String configurationMessage(ProcessPool pool, String where, String problem) {
        return "Invalid configuration of @ProcessPool(name = \"" + pool.name() + "\") on " + where + ": " + problem;
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
