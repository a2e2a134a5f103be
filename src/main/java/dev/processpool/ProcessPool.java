package dev.processpool;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Qualifies an injected {@link Pool}: each injection point gets a pool of its own, built from these members,
 * whose life cycle the container owns.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Thumbnails {
 *     @Inject @ProcessPool(startMethod = "spawn", processes = 2, maxTasksPerChild = 500)
 *     Pool pool;
 *
 *     public List<byte[]> render(List<String> paths) {
 *         return pool.map(Images::thumbnail, paths);
 *     }
 * }
 * }</pre>
 *
 * <p>The pool belongs to the bean it is injected into, its <em>owner</em>: it serves calls only while the owner
 * is executing on the calling thread, and its workers stop when the owner is destroyed. {@code close()},
 * {@code terminate()} and {@code join()} throw {@link IllegalStateException}. Fields, bean constructor parameters
 * and initializer method parameters of a managed bean can be injection points; the owner class must not be
 * {@code final} nor have non-private {@code final} methods.
 *
 * <p>Every member is {@link Nonbinding}. Bad values (an unknown or unavailable start method, a negative number,
 * a JVM option without {@code -}, an initializer class without a public no-argument constructor) are
 * deployment problems, reported when the container starts.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface ProcessPool {
    /**
     * The pool's name for administrators: its JMX name and its configuration key ({@code processpool.<name>.*});
     * letters, digits and {@code . _ -}. Default {@code ""}: the library names it, and it takes no configuration.
     */
    @Nonbinding String name() default "";

    /**
     * Start method, one of {@link ProcessContext#allStartMethods()}, e.g. {@code "spawn"}. Default {@code ""}: the
     * {@linkplain ProcessContext#defaultStartMethod() default start method}.
     */
    @Nonbinding String startMethod() default "";

    /**
     * Number of worker processes, at least 1. Default {@code 0} ({@link PoolOptions#AUTO_PROCESSES}): one per
     * {@linkplain Runtime#availableProcessors() available processor}.
     */
    @Nonbinding int processes() default 0;

    /**
     * Tasks a worker runs before it is replaced by a fresh one, at least 1. Default {@code 0}
     * ({@link PoolOptions#UNLIMITED_TASKS}): no limit.
     */
    @Nonbinding int maxTasksPerChild() default 0;

    /**
     * A public class with a public no-argument constructor whose {@code run()} runs once in every worker before
     * its first task. Default {@code ProcessRunnable.class}: no initializer.
     */
    @Nonbinding Class<? extends ProcessRunnable> initializer() default ProcessRunnable.class;

    /** Options for the worker JVMs, each starting with {@code -}, e.g. {@code "-Xmx256m"}. Default: none. */
    @Nonbinding String[] jvmOptions() default {};

    /**
     * How long one item may run ({@link PoolOptions#taskTimeout()}): {@code "30s"}, {@code "500ms"}, {@code "2m"}
     * or ISO-8601 {@code "PT30S"}. Default {@code ""}: no limit.
     */
    @Nonbinding String taskTimeout() default "";

    /**
     * Resident memory above which a worker is replaced after a chunk ({@link PoolOptions#maxMemoryPerChild()}):
     * {@code "512m"}, {@code "2g"}, {@code "300000k"} (the JVM's notation) or bytes. Default {@code ""}: no limit.
     */
    @Nonbinding String maxMemoryPerChild() default "";

    /**
     * An instance of {@link ProcessPool}, for programmatic lookup:
     * {@code pools.select(ProcessPool.Literal.of("", "spawn", 2, 0, ProcessRunnable.class)).get()}.
     */
    final class Literal extends AnnotationLiteral<ProcessPool> implements ProcessPool {
        private static final long serialVersionUID = 1L;

        /** Every member at its default. */
        public static final Literal INSTANCE = of("", "", 0, 0, ProcessRunnable.class);

        private final String name;
        private final String startMethod;
        private final int processes;
        private final int maxTasksPerChild;
        private final Class<? extends ProcessRunnable> initializer;
        private final String[] jvmOptions;
        private final String taskTimeout;
        private final String maxMemoryPerChild;

        // one parameter per member of the annotation it stands for
        @SuppressWarnings("checkstyle:ParameterNumber")
        private Literal(String name, String startMethod, int processes, int maxTasksPerChild,
                Class<? extends ProcessRunnable> initializer, String[] jvmOptions, String taskTimeout,
                String maxMemoryPerChild) {
            this.name = Objects.requireNonNull(name, "name");
            this.startMethod = Objects.requireNonNull(startMethod, "startMethod");
            this.processes = processes;
            this.maxTasksPerChild = maxTasksPerChild;
            this.initializer = Objects.requireNonNull(initializer, "initializer");
            this.jvmOptions = Objects.requireNonNull(jvmOptions, "jvmOptions").clone();
            this.taskTimeout = Objects.requireNonNull(taskTimeout, "taskTimeout");
            this.maxMemoryPerChild = Objects.requireNonNull(maxMemoryPerChild, "maxMemoryPerChild");
        }

        /** A literal with these members; the values are checked where the pool is made, as an annotation's are. */
        public static Literal of(String name, String startMethod, int processes, int maxTasksPerChild,
                Class<? extends ProcessRunnable> initializer, String... jvmOptions) {
            return new Literal(name, startMethod, processes, maxTasksPerChild, initializer, jvmOptions, "", "");
        }

        /** This literal with {@code taskTimeout} (e.g. {@code "30s"}; {@code ""} for none). */
        public Literal withTaskTimeout(String taskTimeout) {
            return new Literal(name, startMethod, processes, maxTasksPerChild, initializer, jvmOptions, taskTimeout,
                    maxMemoryPerChild);
        }

        /** This literal with {@code maxMemoryPerChild} (e.g. {@code "512m"}; {@code ""} for none). */
        public Literal withMaxMemoryPerChild(String maxMemoryPerChild) {
            return new Literal(name, startMethod, processes, maxTasksPerChild, initializer, jvmOptions, taskTimeout,
                    maxMemoryPerChild);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String startMethod() {
            return startMethod;
        }

        @Override
        public int processes() {
            return processes;
        }

        @Override
        public int maxTasksPerChild() {
            return maxTasksPerChild;
        }

        @Override
        public Class<? extends ProcessRunnable> initializer() {
            return initializer;
        }

        @Override
        public String[] jvmOptions() {
            return jvmOptions.clone();
        }

        @Override
        public String taskTimeout() {
            return taskTimeout;
        }

        @Override
        public String maxMemoryPerChild() {
            return maxMemoryPerChild;
        }
    }
}
