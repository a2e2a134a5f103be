package dev.processpool.internal.codec;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.IntFunction;

/** Rebuilds a function in the worker from what travelled ({@link TaskCode}), in the loader it names. */
public final class TaskDecoder {
    private final IntFunction<ClassLoader> loaders;

    /** @param loaders the worker's class loader for each of the parent's loader ids */
    public TaskDecoder(IntFunction<ClassLoader> loaders) {
        this.loaders = loaders;
    }

    public DecodedTask decode(String json) throws ReflectiveOperationException {
        TaskCode code = TaskCode.fromJson(json);
        ClassLoader loader = loaders.apply(code.loaderId());
        Class<?> type = Class.forName(code.className(), true, loader);
        if (code.kind() == TaskCode.Kind.OBJECT) {
            Object function = StatelessFunction.STATE.equals(code.state()) && StatelessFunction.is(type)
                    ? type.getConstructor().newInstance() : JsonbHolder.JSONB.fromJson(code.state(), type);
            Class<?> iface = function instanceof dev.processpool.ProcessFunction<?, ?>
                    ? dev.processpool.ProcessFunction.class : dev.processpool.ProcessRunnable.class;
            Signatures.InOut types = Signatures.ofClass(type, iface);
            return new DecodedTask(function, new ValueCodec(types.input()), new ValueCodec(types.output()), loader);
        }
        List<TaskCode.Captured> captured = code.captured();
        Object[] values = new Object[captured.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = captured.get(i).read(loader);
        }
        SerializedLambda lambda = new SerializedLambda(type, code.functionalInterfaceClass(),
                code.functionalInterfaceMethodName(), code.functionalInterfaceMethodSignature(),
                code.implMethodKind(), code.implClass().replace('.', '/'), code.implMethodName(),
                code.implMethodSignature(), code.instantiatedMethodType(), values);
        Object function = deserializeLambda(type, lambda);
        Class<?> implClass = Class.forName(code.implClass(), false, loader);
        Signatures.InOut types = Signatures.ofLambda(code, implClass, values.length, loader);
        return new DecodedTask(function, new ValueCodec(types.input()), new ValueCodec(types.output()), loader);
    }

    /**
     * The compiler gives every class with serializable lambdas a {@code $deserializeLambda$} method that rebuilds
     * them from their {@link SerializedLambda}; we call it directly, with no object stream involved.
     */
    private static Object deserializeLambda(Class<?> capturing, SerializedLambda lambda)
            throws ReflectiveOperationException {
        Method rebuild = capturing.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
        rebuild.setAccessible(true);
        try {
            return rebuild.invoke(null, lambda);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
