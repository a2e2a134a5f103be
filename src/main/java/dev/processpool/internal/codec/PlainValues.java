package dev.processpool.internal.codec;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists of numbers, booleans and strings, the most common task values, written and read with JSON-P's
 * streaming API directly: the same JSON that JSON-B writes, without its per-value reflection and binding,
 * which costs several times more per item on a {@code map} of tiny tasks. Integers, the commonest of all, have
 * a codec of their own ({@link IntegralJson}).
 */
final class PlainValues {
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);

    private enum Kind { INT, LONG, SHORT, BYTE, DOUBLE, FLOAT, BOOLEAN, STRING }

    private final Kind kind;

    private PlainValues(Kind kind) {
        this.kind = kind;
    }

    boolean isIntegral() {
        return kind == Kind.INT || kind == Kind.LONG;
    }

    boolean isInt() {
        return kind == Kind.INT;
    }

    /** The codec for lists of this type, or null when JSON-B is needed. */
    static PlainValues of(Class<?> type) {
        Kind kind = type == Integer.class ? Kind.INT : type == Long.class ? Kind.LONG
                : type == Short.class ? Kind.SHORT : type == Byte.class ? Kind.BYTE
                : type == Double.class ? Kind.DOUBLE : type == Float.class ? Kind.FLOAT
                : type == Boolean.class ? Kind.BOOLEAN : type == String.class ? Kind.STRING : null;
        return kind == null ? null : new PlainValues(kind);
    }

    String encode(List<?> values) {
        if (kind == Kind.INT || kind == Kind.LONG) {
            return IntegralJson.write(values);
        }
        StringWriter json = new StringWriter(values.size() * 8 + 2);
        try (JsonGenerator generator = GENERATORS.createGenerator(json)) {
            generator.writeStartArray();
            for (Object value : values) {
                write(generator, value);
            }
            generator.writeEnd();
        } catch (JsonException | NumberFormatException e) {
            throw new JsonbException(e.getMessage(), e);
        }
        return json.toString();
    }

    /** One value, as JSON-B writes it alone. */
    String encodeOne(Object value) {
        String array = encode(List.of(value));
        return array.substring(1, array.length() - 1);
    }

    Object decodeOne(String json) {
        return decode("[" + json + "]").get(0);
    }

    private void write(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
            return;
        }
        switch (kind) {
            case INT, SHORT, BYTE -> generator.write(((Number) value).intValue());
            case LONG -> generator.write((Long) value);
            case DOUBLE, FLOAT -> writeFloating(generator, ((Number) value).doubleValue());
            case BOOLEAN -> generator.write((Boolean) value);
            case STRING -> generator.write((String) value);
        }
    }

    /**
     * As JSON-B: NaN and the infinities, which JSON numbers cannot hold, as strings; so is {@code -0.0}, which a
     * JSON number holds but JSON-P reads as a {@code BigDecimal}, which has no negative zero.
     */
    private static void writeFloating(JsonGenerator generator, double value) {
        if (Double.isFinite(value) && Double.doubleToRawLongBits(value) != NEGATIVE_ZERO_BITS) {
            generator.write(value);
        } else {
            generator.write(Double.toString(value));
        }
    }

    List<Object> decode(String json) {
        if (kind == Kind.INT || kind == Kind.LONG) {
            List<Object> values = IntegralJson.read(json, kind == Kind.INT);
            if (values != null) {
                return values;
            }   // anything but plain integers and nulls: JSON-P reads it, or says what is wrong
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            if (parser.next() != JsonParser.Event.START_ARRAY) {
                throw new JsonbException("expected a JSON array of " + kind + " values");
            }
            List<Object> values = new ArrayList<>();
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
                values.add(read(parser, event));
            }
            return values;
        } catch (JsonException | ArithmeticException | NumberFormatException | IllegalStateException e) {
            throw new JsonbException(e.getMessage(), e);
        }
    }

    private Object read(JsonParser parser, JsonParser.Event event) {
        if (event == JsonParser.Event.VALUE_NULL) {
            return null;
        }
        return switch (kind) {
            case INT -> exact(parser).intValueExact();
            case LONG -> exact(parser).longValueExact();
            case SHORT -> exact(parser).shortValueExact();
            case BYTE -> exact(parser).byteValueExact();
            case DOUBLE -> floating(parser, event);
            case FLOAT -> floating(parser, event).floatValue();
            case BOOLEAN -> booleanOf(event);
            case STRING -> stringOf(parser, event);
        };
    }

    /** From the text as written, so that every double reads back bit for bit. */
    private static Double floating(JsonParser parser, JsonParser.Event event) {
        if (event != JsonParser.Event.VALUE_STRING && event != JsonParser.Event.VALUE_NUMBER) {
            throw new JsonbException("expected a number, got " + event);
        }
        return Double.valueOf(parser.getString());
    }

    private static BigDecimal exact(JsonParser parser) {
        return parser.getBigDecimal();
    }

    private static Boolean booleanOf(JsonParser.Event event) {
        if (event == JsonParser.Event.VALUE_TRUE || event == JsonParser.Event.VALUE_FALSE) {
            return event == JsonParser.Event.VALUE_TRUE;
        }
        throw new JsonbException("expected a boolean, got " + event);
    }

    private static String stringOf(JsonParser parser, JsonParser.Event event) {
        if (event != JsonParser.Event.VALUE_STRING) {
            throw new JsonbException("expected a string, got " + event);
        }
        return parser.getString();
    }
}
