package dev.processpool;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Qualifies an injected {@link Pool}: {@code @Inject @ProcessPool(startMethod = "forkserver") Pool pool;}.
 * Every member is non-binding: each injection point gets its own pool built from them.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface ProcessPool {
    /** Configuration key for administrators; {@code ""} for none. */
    @Nonbinding String name() default "";

    /** Start method; {@code ""} for the context default. */
    @Nonbinding String startMethod() default "";

    /** Worker processes; {@code 0} for {@link Runtime#availableProcessors()}. */
    @Nonbinding int processes() default 0;

    /** Tasks per worker before it is replaced; {@code 0} for unlimited. */
    @Nonbinding int maxTasksPerChild() default 0;

    /** Runs once in every worker; {@code ProcessRunnable.class} for none. */
    @Nonbinding Class<? extends ProcessRunnable> initializer() default ProcessRunnable.class;

    /** Options for the worker JVMs, e.g. {@code "-Xmx256m"}. */
    @Nonbinding String[] jvmOptions() default {};
}
