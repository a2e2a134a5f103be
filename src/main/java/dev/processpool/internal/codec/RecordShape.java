package dev.processpool.internal.codec;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A record type that {@link RecordValues} can write and read without JSON-B: public, not generic, without JSON-B
 * annotations, and with components that are {@code int}, {@code long}, {@code double}, {@code boolean} (or their
 * boxes), strings or such records. Its components in JSON-B's default property order (lexicographic), each with
 * an accessor and its place in the canonical constructor, found once per type.
 */
final class RecordShape {
    enum Kind { INT, LONG, DOUBLE, BOOLEAN, STRING, RECORD }

    record Component(String name, Kind kind, boolean primitive, RecordShape nested, MethodHandle accessor,
            int constructorIndex) {
    }

    private static final String JSONB_ANNOTATIONS = "jakarta.json.bind.annotation.";

    final Component[] components;
    private final MethodHandle constructor;

    private RecordShape(Component[] components, MethodHandle constructor) {
        this.components = components;
        this.constructor = constructor;
    }

    /** Found once per type, since every call of a pool encodes its function's inputs and results anew. */
    private static final ClassValue<Optional<RecordShape>> SHAPES = new ClassValue<>() {
        @Override
        protected Optional<RecordShape> computeValue(Class<?> type) {
            return Optional.ofNullable(of(type, new HashSet<>()));
        }
    };

    /** The shape of {@code type}, or null if JSON-B is needed for it. */
    static RecordShape of(Class<?> type) {
        return SHAPES.get(type).orElse(null);
    }

    private static RecordShape of(Class<?> type, Set<Class<?>> enclosing) {
        if (!type.isRecord() || !isPublic(type) || type.getTypeParameters().length > 0
                || hasJsonbAnnotation(type) || !enclosing.add(type)) {
            return null;
        }
        RecordComponent[] declared = type.getRecordComponents();
        Component[] components = new Component[declared.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int i = 0; i < declared.length; i++) {
                RecordComponent component = declared[i];
                Class<?> componentType = component.getType();
                if (hasJsonbAnnotation(component) || hasJsonbAnnotation(component.getAccessor())
                        || hasJsonbAnnotation(type.getDeclaredField(component.getName()))
                        || component.getGenericType() != componentType) {
                    return null;
                }
                Kind kind = kindOf(componentType);
                RecordShape nested = kind == Kind.RECORD ? of(componentType, enclosing) : null;
                if (kind == null || kind == Kind.RECORD && nested == null) {
                    return null;
                }
                MethodHandle accessor = lookup.unreflect(component.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
                components[i] = new Component(component.getName(), kind, componentType.isPrimitive(), nested,
                        accessor, i);
            }
            Constructor<?> canonical = type.getConstructor(
                    Arrays.stream(declared).map(RecordComponent::getType).toArray(Class<?>[]::new));
            if (hasJsonbAnnotation(canonical)) {
                return null;
            }
            MethodHandle constructor = lookup.unreflectConstructor(canonical)
                    .asSpreader(Object[].class, declared.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            Arrays.sort(components, Comparator.comparing(Component::name));
            enclosing.remove(type);
            return new RecordShape(components, constructor);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return null;   // not reachable from here as JSON-B would reach it: let JSON-B decide
        }
    }

    private static Kind kindOf(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Kind.INT;
        }
        if (type == long.class || type == Long.class) {
            return Kind.LONG;
        }
        if (type == double.class || type == Double.class) {
            return Kind.DOUBLE;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type == String.class) {
            return Kind.STRING;
        }
        return type.isRecord() ? Kind.RECORD : null;
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    static boolean hasJsonbAnnotation(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().startsWith(JSONB_ANNOTATIONS)) {
                return true;
            }
        }
        return false;
    }

    Object valueOf(Component component, Object record) {
        try {
            return component.accessor.invokeExact(record);
        } catch (Throwable t) {
            throw new IllegalStateException("reading " + component.name + " of " + record.getClass().getName(), t);
        }
    }

    /** @param arguments in the canonical constructor's order */
    Object newRecord(Object[] arguments) {
        try {
            return constructor.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
