package dev.processpool.internal.forkserver;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a forkserver starts workers for a pool: their command line and environment. Pools with the same recipe
 * share a reserve; its JSON is the reserve's key, so it is written in a fixed order (the environment as given,
 * sorted by the caller). JSON-P, not JSON-B: the server never needs JSON-B, whose start costs it a few hundred
 * milliseconds.
 */
public record WorkerRecipe(List<String> command, Map<String, String> environment) {
    private static final JsonProvider JSON = JsonProvider.provider();

    String toJson() {
        JsonArrayBuilder commandJson = JSON.createArrayBuilder();
        command.forEach(commandJson::add);
        JsonObjectBuilder environmentJson = JSON.createObjectBuilder();
        environment.forEach(environmentJson::add);
        return JSON.createObjectBuilder().add("command", commandJson).add("environment", environmentJson).build()
                .toString();
    }

    static WorkerRecipe fromJson(String json) {
        JsonObject recipe;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            recipe = reader.readObject();
        }
        List<String> command = recipe.getJsonArray("command").getValuesAs(JsonString::getString);
        Map<String, String> environment = new LinkedHashMap<>();
        recipe.getJsonObject("environment").forEach((name, value) -> environment.put(name, ((JsonString) value).getString()));
        return new WorkerRecipe(command, environment);
    }
}
