package dev.processpool.internal.config;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON file of sections, one per pool name, read with JSON-B:
 * {@code {"thumbnails": {"processes": 8, "jvmOptions": ["-Xmx256m"]}}}. A string or number is kept as its text; an
 * array of strings as a list (other values keep their JSON text and no list, and fail the checks of any member).
 */
final class JsonFileSource implements ConfigSource {
    private final Map<String, Map<String, ConfiguredValue>> sections;

    private JsonFileSource(Map<String, Map<String, ConfiguredValue>> sections) {
        this.sections = sections;
    }

    /**
     * The file at {@code path}, named by {@code setBy} (e.g. {@code system property processpool.config}); empty, with
     * a problem added, if it cannot be read or is not a JSON object of objects.
     */
    static Optional<ConfigSource> read(Path path, String setBy, List<String> problems) {
        String file = "the pool configuration file " + path + " (set by " + setBy + ")";
        if (!Files.exists(path)) {
            problems.add(file + " does not exist; create it, or correct " + setBy);
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException | RuntimeException e) {
            problems.add("cannot read " + file + ": " + e + "; make it a readable UTF-8 file");
            return Optional.empty();
        }
        Jsonb jsonb;
        try {
            jsonb = JsonbBuilder.create();
        } catch (JsonbException noProvider) {
            problems.add("reading " + file + " needs a JSON-B provider, such as Yasson, which is missing: "
                    + noProvider.getMessage());
            return Optional.empty();
        }
        JsonValue json;
        try {
            json = parse(jsonb, text);
        } catch (JsonbException e) {
            problems.add(file + " is not valid JSON: " + parserMessage(e) + "; correct it");
            return Optional.empty();
        }
        if (!(json instanceof JsonObject top)) {
            problems.add(file + " is a JSON " + json.getValueType() + "; make it an object of pool names, as"
                    + " {\"thumbnails\": {\"processes\": 8}}");
            return Optional.empty();
        }
        Map<String, Map<String, ConfiguredValue>> sections = new LinkedHashMap<>();
        top.forEach((name, section) -> {
            if (section instanceof JsonObject members) {
                Map<String, ConfiguredValue> values = new LinkedHashMap<>();
                members.forEach((member, value) -> values.put(member,
                        value("JSON file " + path + " key " + name + "." + member, value)));
                sections.put(name, values);
            } else {
                problems.add(file + ": \"" + name + "\" is a JSON " + section.getValueType() + "; make it an object"
                        + " of settings, as \"" + name + "\": {\"processes\": 8}");
            }
        });
        return Optional.of(new JsonFileSource(sections));
    }

    private static JsonValue parse(Jsonb jsonb, String text) {
        try {
            return jsonb.fromJson(text, JsonValue.class);
        } finally {
            try {
                jsonb.close();
            } catch (Exception ignored) {
                // a reader's resources only; the value has been read
            }
        }
    }

    /** The parser's own message and position, where JSON-B wrapped a parsing exception. */
    private static String parserMessage(JsonbException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParsingException parsing) {
                JsonLocation at = parsing.getLocation();
                return parsing.getMessage() + (at == null ? ""
                        : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")");
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static ConfiguredValue value(String origin, JsonValue value) {
        if (value instanceof JsonString string) {
            return new ConfiguredValue(origin, string.getString(), null);
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            List<String> list = new ArrayList<>();
            for (JsonValue element : value.asJsonArray()) {
                if (!(element instanceof JsonString string)) {
                    return new ConfiguredValue(origin, value.toString(), null);
                }
                list.add(string.getString());
            }
            return new ConfiguredValue(origin, value.toString(), List.copyOf(list));
        }
        return new ConfiguredValue(origin, value.toString(), null);
    }

    @Override
    public Map<String, Map<String, ConfiguredValue>> sections() {
        return sections;
    }
}
