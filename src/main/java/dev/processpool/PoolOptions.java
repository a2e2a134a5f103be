package dev.processpool;

import dev.processpool.internal.config.OptionRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one pool; immutable. Built by {@link #builder()}, which checks each value as it is set.
 *
 * <pre>{@code
 * PoolOptions options = PoolOptions.builder()
 *         .processes(4)
 *         .maxTasksPerChild(500)
 *         .jvmOptions("-Xmx256m")
 *         .build();
 * }</pre>
 */
public final class PoolOptions {
    /** {@link #processes()} when unset: one worker per available processor, as Python's {@code os.cpu_count()}. */
    public static final int AUTO_PROCESSES = 0;
    /** {@link #maxTasksPerChild()} meaning a worker serves any number of tasks. */
    public static final int UNLIMITED_TASKS = 0;

    private static final PoolOptions DEFAULTS = new Builder().build();

    private final String name;
    private final int processes;
    private final int maxTasksPerChild;
    private final ProcessRunnable initializer;
    private final List<String> jvmOptions;
    private final Path javaExecutable;
    private final boolean inheritEnvironment;
    private final Map<String, String> environment;
    private final Duration taskTimeout;
    private final long maxMemoryPerChild;

    private PoolOptions(Builder b) {
        this.name = b.name;
        this.processes = b.processes;
        this.maxTasksPerChild = b.maxTasksPerChild;
        this.initializer = b.initializer;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.javaExecutable = b.javaExecutable;
        this.inheritEnvironment = b.inheritEnvironment;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.taskTimeout = b.taskTimeout;
        this.maxMemoryPerChild = b.maxMemoryPerChild;
    }

    /**
     * The options of a pool nobody configured: one worker per available processor, no task limit, no initializer.
     *
     * @return the same instance on every call
     */
    public static PoolOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with every option unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder; these options do not change with it
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.processes = processes;
        b.maxTasksPerChild = maxTasksPerChild;
        b.initializer = initializer;
        b.jvmOptions = List.copyOf(jvmOptions);
        b.javaExecutable = javaExecutable;
        b.inheritEnvironment = inheritEnvironment;
        b.environment.putAll(environment);
        b.taskTimeout = taskTimeout;
        b.maxMemoryPerChild = maxMemoryPerChild;
        return b;
    }

    /**
     * The pool's name for administrators (its JMX name, its configuration key); when empty, the library names it
     * {@code pool-1}, {@code pool-2}, ... in the order pools start.
     *
     * @return the name set, if any
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Number of worker processes.
     *
     * @return as set; when not set, {@link Runtime#availableProcessors()} now
     */
    public int processes() {
        return processes == AUTO_PROCESSES ? Runtime.getRuntime().availableProcessors() : processes;
    }

    /**
     * Tasks a worker runs before it is replaced by a fresh one.
     *
     * @return at least 1, or {@link #UNLIMITED_TASKS} (the default) for no limit
     */
    public int maxTasksPerChild() {
        return maxTasksPerChild;
    }

    /**
     * Runs once in every worker before its first task.
     *
     * @return the initializer, if any
     */
    public Optional<ProcessRunnable> initializer() {
        return Optional.ofNullable(initializer);
    }

    /**
     * Options for the worker JVMs, after the library's own, so they can override them.
     *
     * @return an unmodifiable list, empty when none
     */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * The {@code java} that starts workers.
     *
     * @return the executable set; when empty, the one of the parent's {@code java.home}
     */
    public Optional<Path> javaExecutable() {
        return Optional.ofNullable(javaExecutable);
    }

    /**
     * Whether workers see the parent's whole environment.
     *
     * @return false by default: workers then see only PATH, HOME, locale and time zone, and {@link #environment()}
     */
    public boolean inheritEnvironment() {
        return inheritEnvironment;
    }

    /**
     * Environment variables set for the workers, on top of what they inherit.
     *
     * @return an unmodifiable map in the order the variables were set
     */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * How long one item (one call of the function) may run: at the limit its thread is interrupted, and if it has
     * not returned within about a second its worker is stopped and replaced; the item fails with
     * {@link TaskTimeoutException}. Empty (the default): no limit.
     */
    public Optional<Duration> taskTimeout() {
        return Optional.ofNullable(taskTimeout);
    }

    /**
     * Resident memory above which a worker is replaced after its chunk, as one that reached
     * {@link #maxTasksPerChild()} is; {@code 0} (the default) for no limit.
     */
    public long maxMemoryPerChild() {
        return maxMemoryPerChild;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolOptions p
                && Objects.equals(name, p.name)
                && processes == p.processes
                && maxTasksPerChild == p.maxTasksPerChild
                && Objects.equals(initializer, p.initializer)
                && jvmOptions.equals(p.jvmOptions)
                && Objects.equals(javaExecutable, p.javaExecutable)
                && inheritEnvironment == p.inheritEnvironment
                && environment.equals(p.environment)
                && Objects.equals(taskTimeout, p.taskTimeout)
                && maxMemoryPerChild == p.maxMemoryPerChild;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, processes, maxTasksPerChild, initializer, jvmOptions, javaExecutable,
                inheritEnvironment, environment, taskTimeout, maxMemoryPerChild);
    }

    @Override
    public String toString() {
        return "PoolOptions[" + (name == null ? "" : "name=" + name + ", ") + "processes=" + (processes == AUTO_PROCESSES ? "auto(" + processes() + ")" : processes)
                + ", maxTasksPerChild=" + (maxTasksPerChild == UNLIMITED_TASKS ? "unlimited" : maxTasksPerChild)
                + ", initializer=" + (initializer == null ? "none" : initializer.getClass().getName())
                + ", jvmOptions=" + jvmOptions
                + ", javaExecutable=" + (javaExecutable == null ? "java.home" : javaExecutable)
                + ", inheritEnvironment=" + inheritEnvironment
                + ", environment=" + environment.keySet()
                + ", taskTimeout=" + (taskTimeout == null ? "none" : taskTimeout)
                + ", maxMemoryPerChild=" + (maxMemoryPerChild == 0 ? "unlimited" : maxMemoryPerChild + " bytes") + "]";
    }

    /** Builds {@link PoolOptions}; every setter rejects a bad value at once with {@link IllegalArgumentException}. */
    public static final class Builder {
        private String name;
        private int processes = AUTO_PROCESSES;
        private int maxTasksPerChild = UNLIMITED_TASKS;
        private ProcessRunnable initializer;
        private List<String> jvmOptions = List.of();
        private Path javaExecutable;
        private boolean inheritEnvironment;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration taskTimeout;
        private long maxMemoryPerChild;

        private Builder() {
        }

        /**
         * The pool's name for administrators: letters, digits and {@code . _ -}, as in {@code "thumbnails"};
         * {@code null} for one the library gives.
         *
         * @param name the name, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException if the name has other characters, or none
         */
        public Builder name(String name) {
            OptionRules.require(OptionRules.name(name, OptionRules.UNSET_IN_CODE));
            this.name = name;
            return this;
        }

        /**
         * Number of worker processes, at most the ceiling, the system property {@code processpool.maxProcesses}
         * (default {@code max(64, 8 x availableProcessors)}).
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1 or above the ceiling
         */
        public Builder processes(int n) {
            OptionRules.require(OptionRules.processes(n));
            this.processes = n;
            return this;
        }

        /**
         * Tasks per worker before it is replaced.
         *
         * @param n at least 1, or {@link #UNLIMITED_TASKS} (0) for no limit
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is negative
         */
        public Builder maxTasksPerChild(int n) {
            OptionRules.require(OptionRules.maxTasksPerChild(n));
            this.maxTasksPerChild = n;
            return this;
        }

        /**
         * Code run once in every worker before its first task. If it throws, the pool is broken: its unfinished
         * tasks fail with the initializer's error.
         *
         * @param init the initializer, sent to the workers as JSON; {@code null} for none
         * @return this builder
         */
        public Builder initializer(ProcessRunnable init) {
            this.initializer = init;
            return this;
        }

        /**
         * Options for the worker JVMs, e.g. {@code "-Xmx256m"}; they replace those set before.
         *
         * @param options each starting with {@code -}
         * @return this builder
         * @throws IllegalArgumentException if an option is null, blank or does not start with {@code -}
         * @throws NullPointerException if {@code options} is null
         */
        public Builder jvmOptions(String... options) {
            Objects.requireNonNull(options, "jvmOptions");
            OptionRules.require(OptionRules.jvmOptions(options));
            this.jvmOptions = List.of(options);
            return this;
        }

        /**
         * The {@code java} executable that starts workers, instead of the parent's.
         *
         * @param java the executable
         * @return this builder
         * @throws NullPointerException if {@code java} is null
         */
        public Builder javaExecutable(Path java) {
            this.javaExecutable = Objects.requireNonNull(java, "javaExecutable");
            return this;
        }

        /**
         * Let workers see the parent's whole environment, secrets included.
         *
         * @param inherit whether they do
         * @return this builder
         */
        public Builder inheritEnvironment(boolean inherit) {
            this.inheritEnvironment = inherit;
            return this;
        }

        /**
         * Set an environment variable for the workers.
         *
         * @param name the variable's name, not empty, without {@code =}
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException if the name is empty or has {@code =}
         * @throws NullPointerException if {@code value} is null
         */
        public Builder environment(String name, String value) {
            OptionRules.require(OptionRules.environmentName(name));
            environment.put(name, Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        /**
         * How long one item may run before it is interrupted and, after a grace of about a second, its worker is
         * stopped and replaced; more than zero, or {@code null} for no limit (the default).
         *
         * @param limit more than zero, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is zero or negative
         */
        public Builder taskTimeout(Duration limit) {
            OptionRules.require(OptionRules.taskTimeout(limit));
            this.taskTimeout = limit;
            return this;
        }

        /**
         * Resident bytes above which a worker is replaced after a chunk: at least 1, or 0 for no limit.
         *
         * @param bytes resident bytes, or 0
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        public Builder maxMemoryPerChild(long bytes) {
            OptionRules.require(OptionRules.maxMemoryPerChild(bytes));
            this.maxMemoryPerChild = bytes;
            return this;
        }

        /**
         * The options set so far; the builder can go on.
         *
         * @return immutable options
         */
        public PoolOptions build() {
            return new PoolOptions(this);
        }
    }
}
