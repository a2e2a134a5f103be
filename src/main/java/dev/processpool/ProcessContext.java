package dev.processpool;

import java.util.List;

/**
 * A context bound to one start method, as Python's {@code multiprocessing.get_context(method)}: pools made
 * from it start their workers that way, and two contexts never share workers or settings.
 *
 * <pre>{@code
 * ProcessContext spawn = ProcessContext.of("spawn");
 * try (Pool pool = spawn.newPool(PoolOptions.builder().processes(2).build())) {
 *     int answer = pool.apply(Math::abs, -42);
 * }
 * }</pre>
 *
 * <p>Start methods: {@code spawn} (a fresh JVM per worker, everywhere). {@code fork} is not available on the
 * JVM and is refused, never silently replaced.
 */
public interface ProcessContext {

    /** The start methods available here, the default first. */
    static List<String> allStartMethods() {
        return EngineRegistry.availableMethods();
    }

    /** The default start method; the first call fixes it, as Python's {@code get_start_method()}. */
    static String defaultStartMethod() {
        return EngineRegistry.defaultMethod();
    }

    /**
     * Sets the default start method.
     *
     * @throws IllegalStateException once the default is fixed (use {@link #setDefaultStartMethod(String, boolean)})
     * @throws IllegalArgumentException if the method is unknown or unavailable here
     */
    static void setDefaultStartMethod(String method) {
        EngineRegistry.setDefaultMethod(method, false);
    }

    /**
     * Sets the default start method; with {@code force}, even when fixed already. With {@code force} and a
     * {@code null} method, the default is unfixed again.
     *
     * @throws IllegalArgumentException if the method is unknown or unavailable here
     */
    static void setDefaultStartMethod(String method, boolean force) {
        EngineRegistry.setDefaultMethod(method, force);
    }

    /**
     * The context of a start method, the same instance on every call.
     *
     * @throws IllegalArgumentException if the method is unknown or unavailable here; the message says why and
     *         lists the available methods
     */
    static ProcessContext of(String method) {
        return EngineRegistry.context(method);
    }

    /** The context of the {@linkplain #defaultStartMethod() default start method}. */
    static ProcessContext defaultContext() {
        return of(defaultStartMethod());
    }

    String startMethod();

    /** A pool with {@link PoolOptions#defaults()}; the caller owns it and closes it. */
    Pool newPool();

    /** A pool with these options; its workers start now. The caller owns it and closes it. */
    Pool newPool(PoolOptions options);
}
