package dev.processpool.internal.batch;

import dev.processpool.ProcessFunction;
import java.lang.reflect.Modifier;

/**
 * The function a {@code function} batch property names: {@code com.example.Thumbs::make}, a public static method
 * of one parameter, or {@code com.example.Thumbnailer}, a public class implementing {@link ProcessFunction} with a
 * public no-argument constructor. Either travels to the workers by name.
 */
final class ChunkFunctions {
    static final String PROPERTY = "function";
    private static final String ALLOWED = "name a public static method of one parameter (com.example.Thumbs::make)"
            + " or a public class implementing dev.processpool.ProcessFunction with a public no-argument constructor"
            + " (com.example.Thumbnailer)";

    private ChunkFunctions() {
    }

    /** @throws IllegalArgumentException naming the property, its value and what is allowed */
    @SuppressWarnings("unchecked")
    static ProcessFunction<Object, Object> of(String value, ClassLoader loader) {
        if (value == null || value.isBlank()) {
            throw BadProperty.of(PROPERTY, value, "it is required; " + ALLOWED);
        }
        String spec = value.strip();
        int separator = spec.indexOf("::");
        Class<?> type = load(separator < 0 ? spec : spec.substring(0, separator), value, loader);
        try {
            if (separator >= 0) {
                return new StaticMethodFunction(StaticMethodFunction.find(type, spec.substring(separator + 2)));
            }
            if (!ProcessFunction.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(type.getName() + " does not implement ProcessFunction");
            }
            if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
                throw new IllegalArgumentException(type.getName() + " is not a public concrete class");
            }
            return (ProcessFunction<Object, Object>) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw BadProperty.of(PROPERTY, value, type.getName() + " has no public no-argument constructor; "
                    + ALLOWED);
        } catch (ReflectiveOperationException e) {
            throw BadProperty.of(PROPERTY, value, "cannot create " + type.getName() + ": " + e);
        } catch (IllegalArgumentException e) {
            throw BadProperty.of(PROPERTY, value, e.getMessage() + "; " + ALLOWED);
        }
    }

    private static Class<?> load(String className, String value, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw BadProperty.of(PROPERTY, value, "no class " + className + " is visible to the application; "
                    + ALLOWED);
        }
    }
}
