package dev.processpool.internal.batch;

import dev.processpool.ProcessFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A public static method of one parameter, named in job XML ({@code com.example.Thumbs::make}), as a function
 * that travels by its class and method name (its JSON-B state) and finds the method again in the worker. Its
 * values are declared {@code Object}, so each travels with its type found at run time.
 */
public class StaticMethodFunction implements ProcessFunction<Object, Object> {
    private static final long serialVersionUID = 1L;

    public String className;
    public String methodName;
    private transient Method method;

    public StaticMethodFunction() {
    }

    StaticMethodFunction(Method method) {
        this.className = method.getDeclaringClass().getName();
        this.methodName = method.getName();
        this.method = method;
    }

    /**
     * The one public static method {@code methodName} of one parameter of {@code type}.
     *
     * @throws IllegalArgumentException saying what was found instead
     */
    static Method find(Class<?> type, String methodName) {
        Method found = null;
        for (Method candidate : type.getMethods()) {
            if (candidate.getName().equals(methodName) && Modifier.isStatic(candidate.getModifiers())
                    && candidate.getParameterCount() == 1) {
                if (found != null) {
                    throw new IllegalArgumentException(type.getName() + " has more than one public static method "
                            + methodName + " of one parameter; give the one to run a name of its own");
                }
                found = candidate;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(type.getName() + " has no public static method " + methodName
                    + " of one parameter");
        }
        return found;
    }

    @Override
    public Object apply(Object input) throws Exception {
        if (method == null) {
            Class<?> type = Class.forName(className, true, loader());
            method = find(type, methodName);
        }
        try {
            return method.invoke(null, input);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    /** The worker's loader of application classes (the task's), else this library's. */
    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StaticMethodFunction.class.getClassLoader();
    }
}
