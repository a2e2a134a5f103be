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
 * <p>Start methods:
 * <ul>
 * <li>{@code forkserver}, the default where there are Unix domain sockets (Linux, macOS): the context's own server
 * JVM, started with its first pool, keeps worker JVMs started and warmed up in reserve and hands them to pools;
 * a pool's workers then start without the cost of a JVM's start;
 * <li>{@code spawn}, everywhere: the pool starts a fresh JVM per worker.
 * </ul>
 * {@code fork} is not available on the JVM and is refused, never silently replaced.
 *
 * <p>All methods are safe to call from any thread.
 */
public interface ProcessContext {

    /**
     * The start methods available here.
     *
     * @return an unmodifiable list, the default first: {@code [forkserver, spawn]} or {@code [spawn]}
     */
    static List<String> allStartMethods() {
        return EngineRegistry.availableMethods();
    }

    /**
     * The default start method; the first call fixes it, as Python's {@code get_start_method()}, from the system
     * property {@code processpool.startMethod} or else the first available method.
     *
     * @return the default start method
     * @throws IllegalArgumentException if {@code processpool.startMethod} names a method unknown or unavailable here
     */
    static String defaultStartMethod() {
        return EngineRegistry.defaultMethod();
    }

    /**
     * Sets the default start method.
     *
     * @param method a start method available here
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
     * @param method a start method available here, or {@code null} with {@code force}
     * @param force whether to change a default that is fixed already
     * @throws IllegalArgumentException if the method is unknown or unavailable here
     */
    static void setDefaultStartMethod(String method, boolean force) {
        EngineRegistry.setDefaultMethod(method, force);
    }

    /**
     * The context of a start method, the same instance on every call.
     *
     * @param method a start method available here
     * @return the context of that method, shared by every caller of this JVM's copy of the library
     * @throws IllegalArgumentException if the method is unknown or unavailable here; the message says why and
     *         lists the available methods
     */
    static ProcessContext of(String method) {
        return EngineRegistry.context(method);
    }

    /**
     * The context of the {@linkplain #defaultStartMethod() default start method}; fixes the default if not yet.
     *
     * @return the default method's context
     * @throws IllegalArgumentException if {@code processpool.startMethod} names a method unknown or unavailable here
     */
    static ProcessContext defaultContext() {
        return of(defaultStartMethod());
    }

    /**
     * The start method of this context's pools.
     *
     * @return {@code "forkserver"} or {@code "spawn"}
     */
    String startMethod();

    /**
     * A pool with {@link PoolOptions#defaults()}; its workers start now. The caller owns it and closes it.
     *
     * @return a running pool
     * @throws java.io.UncheckedIOException if a worker cannot be started (those already started are stopped)
     */
    Pool newPool();

    /**
     * A pool with these options; its workers start now. The caller owns it and closes it.
     *
     * @param options the pool's settings
     * @return a running pool
     * @throws IllegalArgumentException if the initializer cannot be sent to the workers
     * @throws java.io.UncheckedIOException if a worker cannot be started (those already started are stopped)
     * @throws NullPointerException if {@code options} is null
     */
    Pool newPool(PoolOptions options);
}
