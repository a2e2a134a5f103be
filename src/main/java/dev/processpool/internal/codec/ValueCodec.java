package dev.processpool.internal.codec;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a list of values of one declared type as one JSON array, and reads it back; {@code int} and
 * {@code long} lists without nulls travel in binary instead ({@link IntegralBinary}).
 *
 * <p>When the declared type says all ({@code List<Order>} from a method's signature), the array is plain
 * JSON-B. When it does not (an erased lambda parameter, {@code Object}), each value travels with the type
 * found at run time: {@code [{"t":"java.util.List<com.acme.Order>","v":[...]}, ...]}.
 */
public final class ValueCodec {
    private final Type declared;
    private final boolean exact;
    private final Type listType;
    /** For numbers, booleans and strings: JSON-P directly; null for the rest. */
    private final PlainValues plain;
    /** For plain records: by hand; null for the rest. */
    private final RecordValues records;

    public ValueCodec(Type declared) {
        this.declared = box(declared);
        this.exact = ValueTypes.isExact(this.declared);
        this.listType = TypeNames.parameterized(List.class, this.declared);
        this.plain = this.declared instanceof Class<?> c ? PlainValues.of(c) : null;
        this.records = this.declared instanceof Class<?> c && plain == null ? RecordValues.of(c) : null;
    }

    public Type declaredType() {
        return declared;
    }

    /** @throws JsonbException when a value cannot be written */
    public byte[] encode(List<?> values) {
        byte[] binary = plain != null && plain.isIntegral() ? IntegralBinary.write(values, plain.isInt()) : null;
        return binary != null ? binary : JsonText.utf8(encodeJson(values));
    }

    private String encodeJson(List<?> values) {
        if (plain != null) {
            return plain.encode(values);
        }
        String fast = records != null ? records.encode(values) : null;
        if (fast != null) {
            return fast;
        }
        if (exact) {
            return JsonbHolder.JSONB.toJson(values, listType);
        }
        StringBuilder json = new StringBuilder("[");
        for (Object value : values) {
            json.append(json.length() == 1 ? "" : ",");
            if (value == null) {
                json.append("null");
            } else {
                Type type = ValueTypes.of(value);
                PlainValues plainValue = PlainValues.of(value.getClass());   // NaN and -0.0 as they are
                json.append("{\"t\":\"").append(TypeNames.print(type)).append("\",\"v\":")
                        .append(plainValue != null ? plainValue.encodeOne(value) : JsonbHolder.JSONB.toJson(value, type))
                        .append('}');
            }
        }
        return json.append(']').toString();
    }

    /**
     * @param loader resolves the type names that travel with values
     * @throws JsonbException when the JSON does not fit the type
     * @throws ClassNotFoundException when a value's type is unknown to {@code loader}
     */
    public List<Object> decode(byte[] encoded, ClassLoader loader) throws ClassNotFoundException {
        if (IntegralBinary.isBinary(encoded)) {
            return decodeBinary(encoded);
        }
        return decodeJson(new String(encoded, StandardCharsets.UTF_8), loader);
    }

    private List<Object> decodeBinary(byte[] encoded) {
        if (plain == null || !plain.isIntegral()) {
            throw new JsonbException("got binary integers where values of " + declared.getTypeName()
                    + " were expected");
        }
        return IntegralBinary.read(encoded, plain.isInt());
    }

    private List<Object> decodeJson(String json, ClassLoader loader) throws ClassNotFoundException {
        if (plain != null) {
            return plain.decode(json);
        }
        List<Object> values = records != null ? records.decode(json) : null;
        if (values != null) {
            return values;
        }
        if (exact) {
            return JsonbHolder.JSONB.fromJson(json, listType);
        }
        JsonArray array;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            array = reader.readArray();
        }
        values = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (item.getValueType() == JsonValue.ValueType.NULL) {
                values.add(null);
            } else {
                JsonObject tagged = item.asJsonObject();
                Type type = TypeNames.parse(tagged.getString("t"), loader);
                PlainValues plainValue = type instanceof Class<?> c ? PlainValues.of(c) : null;
                String valueJson = tagged.get("v").toString();
                values.add(plainValue != null ? plainValue.decodeOne(valueJson)
                        : JsonbHolder.JSONB.fromJson(valueJson, type));
            }
        }
        return values;
    }

    /**
     * Reads the values one by one, for when {@link #decode} failed: a value that cannot be read is null in the
     * result and its error goes to {@code failed}, so it fails alone.
     */
    public List<Object> decodeEach(byte[] encoded, ClassLoader loader,
            java.util.function.ObjIntConsumer<Exception> failed) {
        if (IntegralBinary.isBinary(encoded)) {
            return decodeBinary(encoded);   // read all or none: a failure is the whole list's
        }
        String json = new String(encoded, StandardCharsets.UTF_8);
        JsonArray array;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            array = reader.readArray();
        }
        List<Object> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                values.add(decodeJson("[" + array.get(i) + "]", loader).get(0));
            } catch (ClassNotFoundException | RuntimeException e) {
                values.add(null);
                failed.accept(e, i);
            }
        }
        return values;
    }

    private static Type box(Type type) {
        if (type instanceof Class<?> c && c.isPrimitive()) {
            return c == void.class ? Void.class : java.lang.invoke.MethodType.methodType(c).wrap().returnType();
        }
        return type;
    }
}
