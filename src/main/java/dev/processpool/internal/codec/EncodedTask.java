package dev.processpool.internal.codec;

import java.util.List;

/**
 * A function ready to send: its wire form, and how to write its inputs and read its results in the parent.
 *
 * @param loader the parent's class loader of the function, which resolves the types of results
 * @param classPathClass the function's class when workers find it on the parent's class path (a reserve worker
 *     may then load it ahead), else null
 */
public record EncodedTask(String code, ValueCodec inputs, ValueCodec results, ClassLoader loader,
        String classPathClass) {

    /**
     * Writes inputs; a value that cannot be written is refused naming its type.
     *
     * @param role what the inputs are, for messages ("inputs of map")
     */
    public byte[] encodeInputs(List<?> values, String role) {
        for (Object value : values) {
            Sendability.check(value, role);
        }
        byte[] encoded;
        try {
            encoded = inputs.encode(values);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot send " + role + " to a worker as "
                    + inputs.declaredType().getTypeName() + ": " + e.getMessage(), e);
        }
        if (encoded.length + (long) code.length() > ValueLimits.MAX_ENCODED_BYTES) {
            throw new IllegalArgumentException("cannot send " + role + " to a worker: "
                    + ValueLimits.tooBig(encoded.length + (long) code.length()));
        }
        return encoded;
    }

    /** Reads the results; one that cannot be read fails alone, through {@code failed}. */
    public List<Object> decodeResults(byte[] encoded, java.util.function.ObjIntConsumer<Exception> failed) {
        try {
            return results.decode(encoded, loader);
        } catch (ClassNotFoundException | RuntimeException whole) {
            return results.decodeEach(encoded, loader, failed);
        }
    }
}
