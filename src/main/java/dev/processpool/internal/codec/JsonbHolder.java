package dev.processpool.internal.codec;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/** The one JSON-B instance of this JVM; JSON-B instances are thread-safe and costly to create. */
final class JsonbHolder {
    static final Jsonb JSONB = create();

    private JsonbHolder() {
    }

    private static Jsonb create() {
        JsonbUse.record();
        return JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    }
}
