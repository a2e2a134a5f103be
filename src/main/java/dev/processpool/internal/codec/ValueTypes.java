package dev.processpool.internal.codec;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which types JSON-B can read back exactly from JSON alone, and the type of a value found at run time when
 * the declared type is not enough (a lambda's erased {@code List}, an {@code Object} parameter).
 */
final class ValueTypes {
    private ValueTypes() {
    }

    /** Whether JSON of this declared type reads back as the value that was written (JSON-B's own rules). */
    static boolean isExact(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return isExact(c.getComponentType());
            }
            return c.isPrimitive() || (c != Object.class && c.getTypeParameters().length == 0 && isInstantiable(c));
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            boolean knownContainer = Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                    || raw == Optional.class || isInstantiable(raw);
            for (Type argument : p.getActualTypeArguments()) {
                if (!isExact(argument)) {
                    return false;
                }
            }
            return knownContainer;
        }
        if (type instanceof GenericArrayType g) {
            return isExact(g.getGenericComponentType());
        }
        return false;
    }

    private static boolean isInstantiable(Class<?> c) {
        return c.isEnum() || c.isRecord() || !(c.isInterface() || Modifier.isAbstract(c.getModifiers()));
    }

    /** The type to write a value with and read it back: its class, with element types for containers. */
    static Type of(Object value) {
        return known(infer(value));
    }

    /** Like {@link #of}, with null for the element type of an empty container (still unknown). */
    private static Type infer(Object value) {
        if (value instanceof List<?> list) {
            return TypeNames.parameterized(List.class, common(list.iterator()));
        }
        if (value instanceof Set<?> set) {
            return TypeNames.parameterized(Set.class, common(set.iterator()));
        }
        if (value instanceof Collection<?> collection) {
            return TypeNames.parameterized(Collection.class, common(collection.iterator()));
        }
        if (value instanceof Map<?, ?> map) {
            return TypeNames.parameterized(Map.class, common(map.keySet().iterator()), common(map.values().iterator()));
        }
        if (value instanceof Optional<?> optional) {
            return TypeNames.parameterized(Optional.class, optional.map(ValueTypes::infer).orElse(null));
        }
        if (value instanceof Enum<?> e) {
            return e.getDeclaringClass();
        }
        return value == null ? null : value.getClass();
    }

    /** The type all non-null elements share; null when there are none; {@code Object} when they differ. */
    private static Type common(Iterator<?> elements) {
        Type common = null;
        while (elements.hasNext() && common != Object.class) {
            common = merge(common, infer(elements.next()));
        }
        return common;
    }

    /** One type for two values: an unknown (null) part takes the other's, e.g. List<?> of [] and List<Integer>. */
    private static Type merge(Type a, Type b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof ParameterizedType pa && b instanceof ParameterizedType pb
                && pa.getRawType().equals(pb.getRawType())) {
            Type[] left = pa.getActualTypeArguments();
            Type[] right = pb.getActualTypeArguments();
            Type[] merged = new Type[left.length];
            for (int i = 0; i < left.length; i++) {
                merged[i] = merge(left[i], right[i]);
                if (merged[i] == Object.class && left[i] != Object.class) {
                    return Object.class;
                }
            }
            return TypeNames.parameterized((Class<?>) pa.getRawType(), merged);
        }
        return Object.class;
    }

    /** Unknown parts become {@code Object}. */
    private static Type known(Type type) {
        if (type == null) {
            return Object.class;
        }
        if (type instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = known(arguments[i]);
            }
            return TypeNames.parameterized((Class<?>) p.getRawType(), arguments);
        }
        return type;
    }
}
