package dev.processpool.internal.forkserver;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;

/**
 * How a forkserver starts workers for a pool: their command line and environment, and how many to keep in
 * reserve. Pools with the same command line and environment share a reserve.
 */
public record WorkerRecipe(List<String> command, Map<String, String> environment, int reserveSize) {
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** What makes two recipes' workers interchangeable. */
    String reserveKey() {
        return JSONB.toJson(List.of(command, new java.util.TreeMap<>(environment)));
    }

    String toJson() {
        return JSONB.toJson(this);
    }

    static WorkerRecipe fromJson(String json) {
        return JSONB.fromJson(json, WorkerRecipe.class);
    }
}
