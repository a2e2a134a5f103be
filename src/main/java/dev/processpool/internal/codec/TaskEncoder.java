package dev.processpool.internal.codec;

import dev.processpool.ProcessFunction;
import dev.processpool.ProcessRunnable;
import dev.processpool.internal.classloading.LoaderRegistry;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Turns a {@link ProcessFunction} or {@link ProcessRunnable} into what travels: {@link EncodedTask}. */
public final class TaskEncoder {
    /**
     * A lambda or method reference that captures nothing encodes the same every time: once per class is
     * enough. (Loader ids never change for a loader, so the encoding does not depend on the encoder.)
     */
    private static final ClassValue<EncodedTask[]> UNCAPTURING = new ClassValue<>() {
        @Override
        protected EncodedTask[] computeValue(Class<?> type) {
            return new EncodedTask[1];
        }
    };

    private final ToIntFunction<ClassLoader> loaderIds;

    /** @param loaderIds gives the id under which the worker may ask for a loader's classes */
    public TaskEncoder(ToIntFunction<ClassLoader> loaderIds) {
        this.loaderIds = loaderIds;
    }

    /** @throws IllegalArgumentException when the function cannot be sent, saying why and what to do */
    public EncodedTask encode(Object function) {
        if (function == null) {
            throw new IllegalArgumentException("the function is null; pass a ProcessFunction or ProcessRunnable");
        }
        Class<?> type = function.getClass();
        EncodedTask[] cached = UNCAPTURING.get(type);
        if (cached[0] != null) {
            return cached[0];
        }
        Class<?> iface = function instanceof ProcessFunction<?, ?> ? ProcessFunction.class : ProcessRunnable.class;
        SerializedLambda lambda = type.isSynthetic() || type.isHidden() ? serializedForm(function) : null;
        if (lambda == null) {
            return encodeObject(function, type, iface);
        }
        EncodedTask task = encodeLambda(lambda, type.getClassLoader());
        if (lambda.getCapturedArgCount() == 0) {
            cached[0] = task;
        }
        return task;
    }

    private static SerializedLambda serializedForm(Object function) {
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object form = writeReplace.invoke(function);
            return form instanceof SerializedLambda lambda ? lambda : null;
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private EncodedTask encodeLambda(SerializedLambda lambda, ClassLoader loader) {
        String capturingName = lambda.getCapturingClass().replace('/', '.');
        String implName = lambda.getImplClass().replace('/', '.');
        String where = describe(lambda, implName);
        try {
            Class<?> capturing = Class.forName(capturingName, false, loader);
            List<TaskCode.Captured> captured = new ArrayList<>();
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                Object value = lambda.getCapturedArg(i);
                if (i == 0 && capturing.isInstance(value)) {
                    throw new IllegalArgumentException("cannot send " + where + " to a worker: it captures 'this' ("
                            + capturingName + "), an object that lives in this process; use a static method, or copy"
                            + " the fields it needs into local variables before the lambda");
                }
                Sendability.check(value, "captured value #" + (i + 1) + " of " + where);
                captured.add(TaskCode.Captured.of(value));
            }
            int loaderId = loaderIds.applyAsInt(loader);
            TaskCode code = new TaskCode(TaskCode.Kind.LAMBDA, loaderId, capturingName,
                    lambda.getFunctionalInterfaceClass(), lambda.getFunctionalInterfaceMethodName(),
                    lambda.getFunctionalInterfaceMethodSignature(), lambda.getImplMethodKind(), implName,
                    lambda.getImplMethodName(), lambda.getImplMethodSignature(), lambda.getInstantiatedMethodType(),
                    captured, null);
            Class<?> implClass = Class.forName(implName, false, loader);
            Signatures.InOut types = Signatures.ofLambda(code, implClass, captured.size(), loader);
            return new EncodedTask(code.toJson(), new ValueCodec(types.input()), new ValueCodec(types.output()), loader,
                    onClassPath(loaderId, capturingName));
        } catch (ClassNotFoundException | NoSuchMethodException | TypeNotPresentException e) {
            throw new IllegalArgumentException("cannot send " + where + " to a worker: its classes are not visible"
                    + " from its own class loader (" + e + ")", e);
        }
    }

    private static String describe(SerializedLambda lambda, String implName) {
        String method = lambda.getImplMethodName();
        return method.startsWith("lambda$") ? "the lambda in " + lambda.getCapturingClass().replace('/', '.')
                : "the method reference " + implName + "::" + method;
    }

    private EncodedTask encodeObject(Object function, Class<?> type, Class<?> iface) {
        String what = "the function object of " + type.getName();
        if (type.isAnonymousClass() || type.isLocalClass()
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            throw new IllegalArgumentException("cannot send " + what + " to a worker: anonymous, local and inner"
                    + " classes carry their enclosing object; use a lambda, a method reference or a top-level class");
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            if (!Modifier.isPublic(constructor.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                throw new NoSuchMethodException("not public");
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("cannot send " + what + " to a worker: it needs to be a public class"
                    + " with a public no-argument constructor, so the worker can create it");
        }
        Sendability.check(function, what);
        String state = StatelessFunction.is(type) ? StatelessFunction.STATE : JsonbHolder.JSONB.toJson(function);
        ClassLoader loader = type.getClassLoader();
        int loaderId = loaderIds.applyAsInt(loader);
        TaskCode code = new TaskCode(TaskCode.Kind.OBJECT, loaderId, type.getName(),
                null, null, null, 0, null, null, null, null, List.of(), state);
        Signatures.InOut types = Signatures.ofClass(type, iface);
        return new EncodedTask(code.toJson(), new ValueCodec(types.input()), new ValueCodec(types.output()), loader,
                onClassPath(loaderId, type.getName()));
    }

    private static String onClassPath(int loaderId, String className) {
        return loaderId == LoaderRegistry.CLASS_PATH ? className : null;
    }
}
