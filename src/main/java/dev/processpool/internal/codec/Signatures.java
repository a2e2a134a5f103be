package dev.processpool.internal.codec;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The input and result types of a function, from its generic signature: a method reference's method, a
 * lambda's body (erased by javac, so the instantiated types help), or a class's {@code ProcessFunction<T, R>}.
 */
final class Signatures {
    /** Input and result type; {@code Void} for a runnable. */
    record InOut(Type input, Type output) {
    }

    private Signatures() {
    }

    static InOut ofLambda(TaskCode code, Class<?> implClass, int capturedCount, ClassLoader loader)
            throws NoSuchMethodException {
        MethodType instantiated = MethodType.fromMethodDescriptorString(code.instantiatedMethodType(), loader);
        if (instantiated.parameterCount() == 0) {
            return new InOut(Void.class, Void.class);
        }
        MethodType implType = MethodType.fromMethodDescriptorString(code.implMethodSignature(), loader);
        int kind = code.implMethodKind();
        boolean constructor = kind == MethodHandleInfo.REF_newInvokeSpecial;
        boolean hasReceiver = kind == MethodHandleInfo.REF_invokeVirtual || kind == MethodHandleInfo.REF_invokeSpecial
                || kind == MethodHandleInfo.REF_invokeInterface;
        Executable executable = constructor
                ? implClass.getDeclaredConstructor(implType.parameterArray())
                : implClass.getDeclaredMethod(code.implMethodName(), implType.parameterArray());
        Type input;
        if (hasReceiver && capturedCount == 0) {
            input = implClass;
        } else {
            Type[] parameters = executable.getGenericParameterTypes();
            int index = capturedCount - (hasReceiver ? 1 : 0);
            input = parameters.length == implType.parameterCount() ? parameters[index] : implType.parameterType(index);
        }
        Type output = constructor ? implClass : ((Method) executable).getGenericReturnType();
        return new InOut(better(input, instantiated.parameterType(0)), better(output, instantiated.returnType()));
    }

    static InOut ofClass(Class<?> functionClass, Class<?> functionalInterface) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Type[] arguments = resolve(functionClass, functionalInterface, bindings);
        if (arguments == null || arguments.length == 0) {
            return new InOut(Void.class, Void.class);
        }
        return new InOut(arguments[0], arguments[1]);
    }

    /** The declared type when it says all; else the instantiated class when that does; else the declared. */
    private static Type better(Type declared, Class<?> instantiated) {
        if (!containsVariables(declared) && ValueTypes.isExact(declared)) {
            return declared;
        }
        if (ValueTypes.isExact(instantiated)) {
            return instantiated;
        }
        return containsVariables(declared) ? instantiated : declared;
    }

    private static boolean containsVariables(Type type) {
        if (type instanceof TypeVariable<?>) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                if (containsVariables(argument)) {
                    return true;
                }
            }
            return false;
        }
        if (type instanceof GenericArrayType g) {
            return containsVariables(g.getGenericComponentType());
        }
        return !(type instanceof Class<?>);
    }

    /** The type arguments of {@code target} as seen from {@code type}, variables replaced where bound. */
    private static Type[] resolve(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = TypeNames.erase(type);
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], substitute(arguments[i], bindings));
            }
        }
        if (raw == target) {
            Type[] arguments = type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
            Type[] resolved = new Type[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                resolved[i] = substitute(arguments[i], bindings);
            }
            return resolved;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = resolve(parent, target, bindings);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : resolve(superclass, target, bindings);
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v) {
            return bindings.getOrDefault(v, Object.class);
        }
        if (type instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = substitute(arguments[i], bindings);
            }
            return TypeNames.parameterized((Class<?>) p.getRawType(), arguments);
        }
        return type;
    }
}
