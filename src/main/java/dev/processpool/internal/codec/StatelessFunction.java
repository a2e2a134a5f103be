package dev.processpool.internal.codec;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * A function class without instance fields, in itself or its superclasses, and without JSON-B annotations: its
 * state is {@code {}} and a new instance is all a worker needs. Such functions travel without JSON-B, whose first
 * use costs a parent and every worker about a hundred milliseconds.
 */
final class StatelessFunction {
    static final String STATE = "{}";
    private static final ClassValue<Boolean> STATELESS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isStateless(type);
        }
    };

    private StatelessFunction() {
    }

    static boolean is(Class<?> type) {
        return STATELESS.get(type);
    }

    private static boolean isStateless(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (RecordShape.hasJsonbAnnotation(c)) {
                return false;
            }
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    return false;
                }
            }
        }
        return true;
    }
}
