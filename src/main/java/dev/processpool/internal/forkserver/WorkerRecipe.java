package dev.processpool.internal.forkserver;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;

/**
 * How a forkserver starts workers for a pool: their command line and environment. Pools with the same recipe
 * share a reserve; its JSON is the reserve's key.
 */
public record WorkerRecipe(List<String> command, Map<String, String> environment) {
    private static final Jsonb JSONB = JsonbBuilder.create();

    String toJson() {
        return JSONB.toJson(this);
    }

    static WorkerRecipe fromJson(String json) {
        return JSONB.fromJson(json, WorkerRecipe.class);
    }
}
