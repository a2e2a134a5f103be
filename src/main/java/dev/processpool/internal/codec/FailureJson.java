package dev.processpool.internal.codec;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Failures as JSON, written by hand and read with JSON-P, as JSON-B would write them: a worker's first failure
 * took 100 ms more when it started JSON-B, and a parent that had seen one made its workers map JSON-B's classes.
 */
final class FailureJson {
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private FailureJson() {
    }

    static String write(List<ItemFailure> failures) {
        StringBuilder json = new StringBuilder(256 * failures.size()).append('[');
        for (ItemFailure item : failures) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"failure\":");
            write(json, item.failure());
            json.append(",\"index\":").append(item.index()).append('}');
        }
        return json.append(']').toString();
    }

    static String write(RemoteFailure failure) {
        StringBuilder json = new StringBuilder(256);
        write(json, failure);
        return json.toString();
    }

    /** @throws JsonException when the JSON is not a list of failures */
    static List<ItemFailure> readItems(String json) {
        List<ItemFailure> failures = new ArrayList<>();
        for (JsonValue item : asArray(read(json), "failures")) {
            JsonObject object = asObject(item);
            failures.add(new ItemFailure(integer(object.get("index")), failure(object.get("failure"))));
        }
        return failures;
    }

    /** @throws JsonException when the JSON is not a failure */
    static RemoteFailure readFailure(String json) {
        return failure(read(json));
    }

    private static void write(StringBuilder json, RemoteFailure failure) {
        if (failure == null) {
            json.append("null");
            return;
        }
        json.append("{\"cause\":");
        write(json, failure.cause());
        json.append(",\"className\":");
        string(json, failure.className());
        json.append(",\"frames\":");
        if (failure.frames() == null) {
            json.append("null");
        } else {
            json.append('[');
            for (RemoteFailure.Frame frame : failure.frames()) {
                if (json.charAt(json.length() - 1) != '[') {
                    json.append(',');
                }
                json.append("{\"className\":");
                string(json, frame.className());
                json.append(",\"fileName\":");
                string(json, frame.fileName());
                json.append(",\"lineNumber\":").append(frame.lineNumber()).append(",\"methodName\":");
                string(json, frame.methodName());
                json.append('}');
            }
            json.append(']');
        }
        json.append(",\"message\":");
        string(json, failure.message());
        json.append('}');
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
        } else {
            JsonStrings.append(json, value);
        }
    }

    private static JsonValue read(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static RemoteFailure failure(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        JsonObject object = asObject(value);
        List<RemoteFailure.Frame> frames = null;
        JsonValue framesValue = object.get("frames");
        if (framesValue != null && framesValue.getValueType() != JsonValue.ValueType.NULL) {
            frames = new ArrayList<>();
            for (JsonValue frameValue : asArray(framesValue, "stack frames")) {
                JsonObject frame = asObject(frameValue);
                frames.add(new RemoteFailure.Frame(string(frame, "className"), string(frame, "methodName"),
                        string(frame, "fileName"), integer(frame.get("lineNumber"))));
            }
        }
        return new RemoteFailure(string(object, "className"), string(object, "message"), frames,
                failure(object.get("cause")));
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new JsonException("expected a string for \"" + name + "\", got " + value.getValueType());
    }

    private static int integer(JsonValue value) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.intValueExact();
        }
        throw new JsonException("expected an integer, got " + (value == null ? "nothing" : value.getValueType()));
    }

    private static JsonObject asObject(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new JsonException("expected a failure as a JSON object, got " + value.getValueType());
        }
        return value.asJsonObject();
    }

    private static JsonArray asArray(JsonValue value, String what) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new JsonException("expected " + what + " as a JSON array, got " + value.getValueType());
        }
        return value.asJsonArray();
    }
}
