package dev.processpool.internal.codec;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A function as it travels: a serializable lambda or method reference by its {@code SerializedLambda}
 * fields and captured values, or an object of a named class by its JSON-B state.
 *
 * <p>Written with JSON-P's object model, not JSON-B: a worker whose tasks and values are all plain then never
 * starts JSON-B, whose first use costs a few hundred milliseconds of CPU.
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

        /** Numbers, booleans, strings and plain records go through JSON-P, the rest through JSON-B. */
        static Captured of(Object value) {
            if (value == null) {
                return new Captured(null, null);
            }
            java.lang.reflect.Type type = ValueTypes.of(value);
            PlainValues plain = PlainValues.of(value.getClass());
            RecordValues records = plain == null ? RecordValues.of(value.getClass()) : null;
            String json = plain != null ? plain.encodeOne(value) : records != null ? records.encodeOne(value) : null;
            return new Captured(TypeNames.print(type), json != null ? json : JsonbHolder.JSONB.toJson(value, type));
        }

        Object read(ClassLoader loader) throws ClassNotFoundException {
            if (type == null) {
                return null;
            }
            java.lang.reflect.Type declared = TypeNames.parse(type, loader);
            PlainValues plain = declared instanceof Class<?> c ? PlainValues.of(c) : null;
            if (plain != null) {
                return plain.decodeOne(json);
            }
            RecordValues records = declared instanceof Class<?> c ? RecordValues.of(c) : null;
            Object record = records != null ? records.decodeOne(json) : null;
            return record != null ? record : JsonbHolder.JSONB.fromJson(json, declared);
        }
    }

    private static final JsonProvider JSON = JsonProvider.provider();

    String toJson() {
        JsonArrayBuilder capturedJson = JSON.createArrayBuilder();
        for (Captured value : captured) {
            capturedJson.add(add(add(JSON.createObjectBuilder(), "type", value.type()), "json", value.json()));
        }
        JsonObjectBuilder json = JSON.createObjectBuilder().add("kind", kind.name()).add("loaderId", loaderId)
                .add("implMethodKind", implMethodKind).add("captured", capturedJson);
        add(json, "className", className);
        add(json, "functionalInterfaceClass", functionalInterfaceClass);
        add(json, "functionalInterfaceMethodName", functionalInterfaceMethodName);
        add(json, "functionalInterfaceMethodSignature", functionalInterfaceMethodSignature);
        add(json, "implClass", implClass);
        add(json, "implMethodName", implMethodName);
        add(json, "implMethodSignature", implMethodSignature);
        add(json, "instantiatedMethodType", instantiatedMethodType);
        add(json, "state", state);
        return JsonText.escapeLoneSurrogates(json.build().toString());
    }

    static TaskCode fromJson(String json) {
        JsonObject o;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        List<Captured> captured = new ArrayList<>();
        for (JsonValue value : o.getJsonArray("captured")) {
            captured.add(new Captured(string(value.asJsonObject(), "type"), string(value.asJsonObject(), "json")));
        }
        return new TaskCode(Kind.valueOf(o.getString("kind")), o.getInt("loaderId"), string(o, "className"),
                string(o, "functionalInterfaceClass"), string(o, "functionalInterfaceMethodName"),
                string(o, "functionalInterfaceMethodSignature"), o.getInt("implMethodKind"), string(o, "implClass"),
                string(o, "implMethodName"), string(o, "implMethodSignature"), string(o, "instantiatedMethodType"),
                captured, string(o, "state"));
    }

    private static JsonObjectBuilder add(JsonObjectBuilder json, String name, String value) {
        return value == null ? json : json.add(name, value);
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
