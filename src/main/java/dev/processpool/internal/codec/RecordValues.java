package dev.processpool.internal.codec;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists of plain records ({@link RecordShape}), the usual way to pass several values to a task, written by hand
 * and read with JSON-P's streaming parser: the JSON that JSON-B writes, without JSON-B's machinery around each
 * value, whose code a young worker JVM still runs in the interpreter (up to a millisecond for a chunk of one
 * record). Either side gives up (returns null) on what it does not expect, such as a NaN to write or a property
 * missing from the JSON, and leaves the whole list to JSON-B, which handles it or says what is wrong.
 */
final class RecordValues {
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    /** What a component read from JSON is when the JSON does not fit it (null is JSON's null). */
    private static final Object DOES_NOT_FIT = new Object();

    private final RecordShape shape;

    private RecordValues(RecordShape shape) {
        this.shape = shape;
    }

    /** The codec for lists of {@code type}, or null when JSON-B is needed. */
    static RecordValues of(Class<?> type) {
        RecordShape shape = RecordShape.of(type);
        return shape == null ? null : new RecordValues(shape);
    }

    /** @return the JSON array, or null if a value needs JSON-B */
    String encode(List<?> values) {
        StringBuilder json = new StringBuilder(values.size() * 32 + 2).append('[');
        for (Object value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            if (!write(json, shape, value)) {
                return null;
            }
        }
        return json.append(']').toString();
    }

    private static boolean write(StringBuilder json, RecordShape shape, Object record) {
        if (record == null) {
            json.append("null");
            return true;
        }
        json.append('{');
        for (RecordShape.Component component : shape.components) {
            if (json.charAt(json.length() - 1) != '{') {
                json.append(',');
            }
            json.append('"').append(component.name()).append("\":");
            Object value = shape.valueOf(component, record);
            if (value == null) {
                json.append("null");
            } else if (component.kind() == RecordShape.Kind.STRING) {
                JsonStrings.append(json, (String) value);
            } else if (component.kind() == RecordShape.Kind.RECORD) {
                write(json, component.nested(), value);
            } else if (value instanceof Double d && !Double.isFinite(d)) {
                return false;
            } else {
                json.append(value);
            }
        }
        json.append('}');
        return true;
    }

    /** One record, as JSON-B writes it alone; null if it needs JSON-B. */
    String encodeOne(Object value) {
        String array = encode(List.of(value));
        return array == null ? null : array.substring(1, array.length() - 1);
    }

    /** The record {@code json} holds, or null if it is not one of this shape. */
    Object decodeOne(String json) {
        List<Object> values = decode("[" + json + "]");
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    /** @return the values, or null if {@code json} is not an array of records of this shape and nulls */
    List<Object> decode(String json) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            if (parser.next() != JsonParser.Event.START_ARRAY) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
                Object value = read(parser, event, shape);
                if (value == null && event != JsonParser.Event.VALUE_NULL) {
                    return null;
                }
                values.add(value);
            }
            return parser.hasNext() ? null : values;
        } catch (RuntimeException e) {
            return null;   // malformed JSON, or a constructor that refused the values: JSON-B says what is wrong
        }
    }

    /** The record the parser is at, null for a JSON null or when the JSON does not fit the shape. */
    private static Object read(JsonParser parser, JsonParser.Event event, RecordShape shape) {
        if (event != JsonParser.Event.START_OBJECT) {
            return null;
        }
        RecordShape.Component[] components = shape.components;
        Object[] arguments = new Object[components.length];
        boolean[] seen = new boolean[components.length];
        int count = 0;
        for (event = parser.next(); event == JsonParser.Event.KEY_NAME; event = parser.next()) {
            int index = indexOf(components, parser.getString());
            if (index < 0 || seen[index]) {
                return null;
            }
            RecordShape.Component component = components[index];
            Object value = readComponent(parser, parser.next(), component);
            if (value == DOES_NOT_FIT || value == null && component.primitive()) {
                return null;
            }
            seen[index] = true;
            arguments[component.constructorIndex()] = value;
            count++;
        }
        return count == components.length ? shape.newRecord(arguments) : null;
    }

    private static int indexOf(RecordShape.Component[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value the parser is at, or {@link #DOES_NOT_FIT}. */
    private static Object readComponent(JsonParser parser, JsonParser.Event event, RecordShape.Component component) {
        if (event == JsonParser.Event.VALUE_NULL) {
            return null;
        }
        Object value = switch (component.kind()) {
            // a number's text: exact, and out of range throws (NumberFormatException) rather than wraps
            case INT -> integral(parser, event) ? Integer.valueOf(Integer.parseInt(parser.getString())) : null;
            case LONG -> integral(parser, event) ? Long.valueOf(Long.parseLong(parser.getString())) : null;
            case DOUBLE -> event == JsonParser.Event.VALUE_NUMBER ? Double.valueOf(parser.getString()) : null;
            case BOOLEAN -> event == JsonParser.Event.VALUE_TRUE ? Boolean.TRUE
                    : event == JsonParser.Event.VALUE_FALSE ? Boolean.FALSE : null;
            case STRING -> event == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
            case RECORD -> read(parser, event, component.nested());
        };
        return value == null ? DOES_NOT_FIT : value;
    }

    private static boolean integral(JsonParser parser, JsonParser.Event event) {
        return event == JsonParser.Event.VALUE_NUMBER && parser.isIntegralNumber();
    }
}
