package dev.processpool.internal.codec;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writes a {@link Type} as text ({@code java.util.List<com.acme.Order>}) and reads it back in a class loader. */
public final class TypeNames {
    private static final Map<String, Class<?>> PRIMITIVES = Map.of(
            "boolean", boolean.class, "byte", byte.class, "char", char.class, "short", short.class,
            "int", int.class, "long", long.class, "float", float.class, "double", double.class,
            "void", void.class);

    private TypeNames() {
    }

    public static String print(Type type) {
        return type.getTypeName();
    }

    public static Type parse(String text, ClassLoader loader) throws ClassNotFoundException {
        Parser parser = new Parser(text, loader);
        Type type = parser.type();
        if (parser.pos != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(parser.pos) + "' in type " + text);
        }
        return type;
    }

    public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        return new Parameterized(raw, arguments);
    }

    public static Class<?> classNamed(String name, ClassLoader loader) throws ClassNotFoundException {
        Class<?> primitive = PRIMITIVES.get(name);
        return primitive != null ? primitive : Class.forName(name, false, loader);
    }

    /** The class a type erases to. */
    public static Class<?> erase(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(erase(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    private static final class Parser {
        private final String text;
        private final ClassLoader loader;
        private int pos;

        Parser(String text, ClassLoader loader) {
            this.text = text;
            this.loader = loader;
        }

        Type type() throws ClassNotFoundException {
            int start = pos;
            while (pos < text.length() && "<>,[ ".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            Type type = classNamed(text.substring(start, pos), loader);
            if (pos < text.length() && text.charAt(pos) == '<') {
                pos++;
                List<Type> arguments = new ArrayList<>();
                do {
                    skipSpaces();
                    arguments.add(type());
                    skipSpaces();
                } while (pos < text.length() && text.charAt(pos++) == ',');
                type = new Parameterized((Class<?>) type, arguments.toArray(Type[]::new));
            }
            while (text.startsWith("[]", pos)) {
                pos += 2;
                type = type instanceof Class<?> c ? c.arrayType() : new GenericArray(type);
            }
            return type;
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }
    }

    private record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public String getTypeName() {
            StringBuilder name = new StringBuilder(raw.getName()).append('<');
            for (int i = 0; i < arguments.length; i++) {
                name.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
            }
            return name.append('>').toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p && raw.equals(p.getRawType())
                    && Objects.equals(getOwnerType(), p.getOwnerType())
                    && Arrays.equals(arguments, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ raw.hashCode() ^ Objects.hashCode(getOwnerType());
        }

        @Override
        public String toString() {
            return getTypeName();
        }
    }

    private record GenericArray(Type component) implements GenericArrayType {
        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public String getTypeName() {
            return component.getTypeName() + "[]";
        }
    }
}
