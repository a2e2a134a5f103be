package dev.processpool.internal.launch;

import dev.processpool.internal.workerjvm.WorkerJvm;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.spi.JsonbProvider;
import jakarta.json.spi.JsonProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The class path of a worker JVM: the library and the JSON-B and JSON-P APIs and providers the parent uses,
 * nothing of the application (application classes come through the worker's own loaders). Each entry is where
 * {@link CodeLocation} finds the class on disk; in an application server that may be a copy in the
 * {@link JarCache}, which is written again should it disappear (a temporary-files cleaner, say).
 */
public final class WorkerClassPath {
    private static volatile List<Path> cached;

    private WorkerClassPath() {
    }

    public static String get() {
        List<Path> entries = cached;
        if (entries == null || !entries.stream().allMatch(Files::exists)) {
            cached = entries = compute();
        }
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static List<Path> compute() {
        try {
            return entries();
        } catch (LinkageError | RuntimeException e) {
            // NoClassDefFoundError without the APIs, JsonbException/JsonException without a provider
            throw missingJsonProvider(e);
        }
    }

    /** What a plain Java SE application that has not added a JSON-B provider gets at its first pool. */
    static IllegalStateException missingJsonProvider(Throwable cause) {
        return new IllegalStateException("processpool needs a JSON-B provider on the class path and found none ("
                + cause + "). In plain Java SE add org.eclipse:yasson (JSON-B, with jakarta.json.bind-api) and"
                + " org.eclipse.parsson:parsson (JSON-P, with jakarta.json-api) as runtime dependencies;"
                + " an application server (WildFly, ...) has them already. See the README.", cause);
    }

    private static List<Path> entries() {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> type : new Class<?>[] {WorkerJvm.class, Jsonb.class, JsonbProvider.provider().getClass(),
                Json.class, JsonProvider.provider().getClass()}) {
            entries.add(CodeLocation.of(type));
        }
        return List.copyOf(entries);
    }
}
