package dev.processpool;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * The way from {@link ProcessContext}'s static methods to the engine's registry of start methods. The engine's
 * packages depend on this one (they implement its types), so this one finds the registry by name instead of
 * importing it: no package of the library is then in a cycle with another ({@code PackageCyclesTest}).
 */
final class EngineRegistry {
    private static final String REGISTRY = "dev.processpool.internal.context.ContextRegistry";
    private static final MethodHandle AVAILABLE_METHODS;
    private static final MethodHandle DEFAULT_METHOD;
    private static final MethodHandle SET_DEFAULT_METHOD;
    private static final MethodHandle CONTEXT;

    static {
        try {
            Class<?> type = Class.forName(REGISTRY, true, EngineRegistry.class.getClassLoader());
            Object registry = type.getField("INSTANCE").get(null);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            AVAILABLE_METHODS = lookup.findVirtual(type, "availableMethods", MethodType.methodType(List.class))
                    .bindTo(registry);
            DEFAULT_METHOD = lookup.findVirtual(type, "defaultMethod", MethodType.methodType(String.class))
                    .bindTo(registry);
            SET_DEFAULT_METHOD = lookup.findVirtual(type, "setDefaultMethod",
                    MethodType.methodType(void.class, String.class, boolean.class)).bindTo(registry);
            CONTEXT = lookup.findVirtual(type, "context", MethodType.methodType(ProcessContext.class, String.class))
                    .bindTo(registry);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private EngineRegistry() {
    }

    @SuppressWarnings("unchecked")
    static List<String> availableMethods() {
        try {
            return (List<String>) AVAILABLE_METHODS.invokeExact();
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    static String defaultMethod() {
        try {
            return (String) DEFAULT_METHOD.invokeExact();
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    static void setDefaultMethod(String method, boolean force) {
        try {
            SET_DEFAULT_METHOD.invokeExact(method, force);
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    static ProcessContext context(String method) {
        try {
            return (ProcessContext) CONTEXT.invokeExact(method);
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    /** The registry's methods throw only unchecked exceptions, which reach the caller as they are. */
    private static RuntimeException unchecked(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(e);
    }
}
