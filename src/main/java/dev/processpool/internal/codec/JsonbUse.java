package dev.processpool.internal.codec;

import java.lang.reflect.Type;
import java.util.List;

/**
 * Whether this JVM has needed JSON-B, for task values that are neither plain values, integers nor plain records.
 * A forkserver's reserve workers warm JSON-B up, a few hundred ms of CPU each, and workers map the class-data
 * archive with JSON-B in it, only for parents that use it: pools of such values never do.
 */
public final class JsonbUse {
    private static volatile boolean seen;

    private JsonbUse() {
    }

    static void record() {
        seen = true;
    }

    public static boolean seen() {
        return seen;
    }

    /** Runs JSON-B's writing and reading of a list of records once, so its classes are loaded and linked. */
    public static void warmUp() {
        Type type = TypeNames.parameterized(List.class, ItemFailure.class);
        List<ItemFailure> values = List.of(new ItemFailure(0, RemoteFailure.of(new Exception("warm"))));
        JsonbHolder.JSONB.fromJson(JsonbHolder.JSONB.toJson(values, type), type);
    }
}
