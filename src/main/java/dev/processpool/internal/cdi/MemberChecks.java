package dev.processpool.internal.cdi;

import dev.processpool.ProcessContext;
import dev.processpool.ProcessRunnable;
import dev.processpool.internal.config.OptionRules;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * The checks of a pool member's value that need the API (start methods, initializer classes), shared by the
 * annotation's values and configured ones; the other rules are {@link OptionRules}'.
 */
final class MemberChecks {
    private MemberChecks() {
    }

    static Optional<String> startMethod(String value) {
        try {
            ProcessContext.of(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage() + "; or leave it empty for the default start method");
        }
    }

    /** What keeps the pool from creating {@code type} in every worker, if anything. */
    static Optional<String> initializer(Class<?> type) {
        String name = type.getName() + ".class";
        if (!ProcessRunnable.class.isAssignableFrom(type)) {
            return Optional.of(name + " does not implement " + ProcessRunnable.class.getName() + "; name a class"
                    + " whose run() initializes each worker");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of(name + " is abstract; name a concrete class whose run() initializes each worker");
        }
        if (!Modifier.isPublic(type.getModifiers()) || type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of(name + " is not a public top-level or static nested class; make it one, so that"
                    + " workers can load and create it");
        }
        try {
            type.getConstructor();
            return Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of(name + " has no public no-argument constructor; add one, the pool creates the"
                    + " initializer with it");
        }
    }
}
