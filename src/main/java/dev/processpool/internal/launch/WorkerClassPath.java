package dev.processpool.internal.launch;

import dev.processpool.internal.worker.WorkerMain;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.spi.JsonbProvider;
import jakarta.json.spi.JsonProvider;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The class path of a worker JVM: the library and the JSON-B and JSON-P APIs and providers the parent uses,
 * nothing of the application (application classes come through the worker's own loaders).
 */
public final class WorkerClassPath {
    private static volatile String cached;

    private WorkerClassPath() {
    }

    public static String get() {
        String classPath = cached;
        if (classPath == null) {
            cached = classPath = compute();
        }
        return classPath;
    }

    private static String compute() {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> type : new Class<?>[] {WorkerMain.class, Jsonb.class, JsonbProvider.provider().getClass(),
                Json.class, JsonProvider.provider().getClass()}) {
            entries.add(location(type));
        }
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("cannot start worker JVMs: " + type.getName() + " is loaded from "
                    + url + ", not from a file on disk that a worker could put on its class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the location of " + type.getName() + ": " + url, e);
        }
    }
}
