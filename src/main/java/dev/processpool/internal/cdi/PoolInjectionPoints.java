package dev.processpool.internal.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the library needs to know of an injection point of a pool: its qualifier, its name, whether it can own one. */
final class PoolInjectionPoints {
    private PoolInjectionPoints() {
    }

    /** The {@link ProcessPool} qualifier of {@code ip}, if it has one. */
    static Optional<ProcessPool> qualifier(InjectionPoint ip) {
        for (Annotation qualifier : ip.getQualifiers()) {
            if (qualifier instanceof ProcessPool pool) {
                return Optional.of(pool);
            }
        }
        return Optional.empty();
    }

    /** {@code Thumbnails.pool}, {@code Thumbnails(parameter 1)}, {@code Thumbnails.setPool(parameter 1)}. */
    static String describe(InjectionPoint ip) {
        Member member = ip.getMember();
        String type = member.getDeclaringClass().getSimpleName();
        if (member instanceof Field) {
            return type + "." + member.getName();
        }
        String parameter = "(parameter " + (position(ip.getAnnotated()) + 1) + ")";
        return member instanceof Constructor ? type + parameter : type + "." + member.getName() + parameter;
    }

    private static int position(Annotated annotated) {
        return annotated instanceof AnnotatedParameter<?> parameter ? parameter.getPosition() : 0;
    }

    /** Whether {@code type} is {@link Pool}, {@code Instance<Pool>} or {@code Provider<Pool>}. */
    static boolean isPoolType(Type type) {
        if (type == Pool.class) {
            return true;
        }
        return type instanceof ParameterizedType p
                && (p.getRawType() == Instance.class || p.getRawType() == Provider.class)
                && p.getActualTypeArguments()[0] == Pool.class;
    }

    /** Whether the pool is looked up through {@code Instance<Pool>} or {@code Provider<Pool>} (not injected). */
    static boolean isLookup(InjectionPoint ip) {
        Member member = ip.getMember();
        Type declared = member instanceof Field field ? field.getGenericType()
                : ip.getAnnotated() != null ? ip.getAnnotated().getBaseType() : ip.getType();
        return declared != Pool.class;
    }

    /**
     * What keeps {@code ip} from owning a pool, apart from its annotation's values: its type, where it is, and a bean
     * class that the container cannot intercept (an owner must be, to know when it executes).
     */
    static List<String> placementProblems(InjectionPoint ip) {
        String where = describe(ip);
        List<String> problems = new ArrayList<>();
        if (!isPoolType(ip.getType())) {
            problems.add("@ProcessPool qualifies a Pool, but " + where + " is a " + ip.getType().getTypeName()
                    + "; declare it as Pool");
        }
        Bean<?> bean = ip.getBean();
        if (bean == null) {
            problems.add("@ProcessPool on " + where + ": only a bean can own a pool, and " + where
                    + " is not in one; inject the pool into a bean, or create one with ProcessContext.newPool");
            return problems;
        }
        Member member = ip.getMember();
        if (member instanceof Method method && !method.isAnnotationPresent(Inject.class)) {
            problems.add("@ProcessPool on " + where + ": a pool belongs to the bean it is injected into, so it can be"
                    + " injected only into a field, a bean constructor or an initializer method, not into a producer,"
                    + " disposer or observer method; inject it into a field of " + bean.getBeanClass().getSimpleName());
        }
        unproxyable(bean.getBeanClass()).ifPresent(reason -> problems.add("@ProcessPool on " + where + ": " + reason));
        return problems;
    }

    private static Optional<String> unproxyable(Class<?> owner) {
        String name = owner.getSimpleName();
        if (Modifier.isFinal(owner.getModifiers())) {
            return Optional.of(name + " is final, but the container must intercept the owner of a pool to know when"
                    + " it executes; make " + name + " non-final");
        }
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isFinal(modifiers) && !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers)) {
                    return Optional.of(type.getSimpleName() + "." + method.getName() + "() is final, but the container"
                            + " must intercept the owner of a pool to know when it executes; make the method non-final");
                }
            }
        }
        return Optional.empty();
    }
}
