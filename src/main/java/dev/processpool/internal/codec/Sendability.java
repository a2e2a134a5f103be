package dev.processpool.internal.codec;

import jakarta.json.bind.JsonbException;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;

/**
 * Refuses, before anything is sent, a value that cannot travel as JSON: a resource (stream, socket,
 * connection), a thread or lock, a class loader, a non-serializable lambda, or an object that JSON-B cannot
 * write and read back. Each class is checked once by a round trip, except plain records ({@link RecordShape})
 * and classes without instance fields ({@link StatelessFunction}), which travel without JSON-B.
 */
public final class Sendability {
    private static final Class<?>[] NEVER_SENDABLE = {
        AutoCloseable.class, Thread.class, ClassLoader.class, Lock.class, Executor.class, Future.class,
        Process.class, ProcessHandle.class, Class.class, java.lang.reflect.Member.class,
    };
    private static final Map<Class<?>, Boolean> CHECKED = new ConcurrentHashMap<>();

    private Sendability() {
    }

    /**
     * @param role what the value is, for the message: "input #3 of map", "captured value #1 of ..."
     * @throws IllegalArgumentException naming the type and why it cannot be sent
     */
    public static void check(Object value, String role) {
        if (value == null) {
            return;
        }
        Class<?> type = value.getClass();
        if (isPlain(type) || CHECKED.containsKey(type)) {
            return;
        }
        for (Class<?> refused : NEVER_SENDABLE) {
            if (refused.isAssignableFrom(type)) {
                throw refuse(role, type, "it is a " + refused.getSimpleName() + ", which only lives in this process");
            }
        }
        if (type.isSynthetic() || type.isHidden()) {
            throw refuse(role, type, "it is a lambda or generated class; pass data, or a ProcessFunction as the task");
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(element -> check(element, role));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                check(k, role);
                check(v, role);
            });
            return;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(inner -> check(inner, role));
            return;
        }
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    check(Array.get(value, i), role);
                }
            }
            return;
        }
        if (RecordShape.of(type) == null && !StatelessFunction.is(type)) {   // those travel without JSON-B
            roundTrip(value, type, role);
        }
        CHECKED.put(type, Boolean.TRUE);
    }

    private static void roundTrip(Object value, Class<?> type, String role) {
        try {
            String json = JsonbHolder.JSONB.toJson(value, ValueTypes.of(value));
            JsonbHolder.JSONB.fromJson(json, ValueTypes.of(value));
        } catch (JsonbException | UnsupportedOperationException e) {
            throw refuse(role, type, "JSON-B cannot write and read it back (" + e.getMessage()
                    + "); give it a public no-argument constructor and public properties, or make it a record");
        }
    }

    private static boolean isPlain(Class<?> type) {
        return type == String.class || type == Integer.class || type == Long.class || type == Double.class
                || type == Boolean.class || type == Float.class || type == Short.class || type == Byte.class
                || type == Character.class || type == java.math.BigDecimal.class
                || type == java.math.BigInteger.class || type.isEnum();
    }

    static IllegalArgumentException refuse(String role, Class<?> type, String why) {
        return new IllegalArgumentException("cannot send " + role + " of type " + type.getName() + " to a worker: " + why);
    }
}
