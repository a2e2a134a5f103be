package dev.processpool.internal.codec;

import java.util.List;

/**
 * A function as it travels: a serializable lambda or method reference by its {@code SerializedLambda}
 * fields and captured values, or an object of a named class by its JSON-B state.
 *
 * @param loaderId the parent's class loader of the function's classes (see {@code LoaderRegistry})
 */
public record TaskCode(
        Kind kind,
        int loaderId,
        String className,
        String functionalInterfaceClass,
        String functionalInterfaceMethodName,
        String functionalInterfaceMethodSignature,
        int implMethodKind,
        String implClass,
        String implMethodName,
        String implMethodSignature,
        String instantiatedMethodType,
        List<Captured> captured,
        String state) {

    public enum Kind { LAMBDA, OBJECT }

    /** A captured value with the type it is read back as; {@code type} is null for a null value. */
    public record Captured(String type, String json) {
    }

    String toJson() {
        return JsonbHolder.JSONB.toJson(this);
    }

    static TaskCode fromJson(String json) {
        return JsonbHolder.JSONB.fromJson(json, TaskCode.class);
    }
}
