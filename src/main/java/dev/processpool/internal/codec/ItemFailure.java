package dev.processpool.internal.codec;

import jakarta.json.JsonException;
import java.util.List;

/** The failure of one item of a chunk; the other items of the chunk have their results. */
public record ItemFailure(int index, RemoteFailure failure) {
    public static String toJson(List<ItemFailure> failures) {
        return failures.isEmpty() ? "[]" : FailureJson.write(failures);
    }

    /** @throws JsonException when the JSON is not a list of failures */
    public static List<ItemFailure> fromJson(String json) {
        return "[]".equals(json) ? List.of() : FailureJson.readItems(json);
    }
}
