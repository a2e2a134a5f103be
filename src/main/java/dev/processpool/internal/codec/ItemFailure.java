package dev.processpool.internal.codec;

import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.List;

/** The failure of one item of a chunk; the other items of the chunk have their results. */
public record ItemFailure(int index, RemoteFailure failure) {
    private static final Type LIST = TypeNames.parameterized(List.class, ItemFailure.class);

    public static String toJson(List<ItemFailure> failures) {
        return failures.isEmpty() ? "[]" : JsonbHolder.JSONB.toJson(failures, LIST);
    }

    /** @throws JsonbException when the JSON is not a list of failures */
    public static List<ItemFailure> fromJson(String json) {
        return "[]".equals(json) ? List.of() : JsonbHolder.JSONB.fromJson(json, LIST);
    }
}
