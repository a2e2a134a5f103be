package dev.processpool.internal.launch;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where a class comes from, as a file or directory a worker JVM can put on its class path.
 *
 * <ul>
 * <li>{@code file:} (a plain class path): the file or directory itself.
 * <li>{@code jar:file:/…/x.jar!/} (a JBoss Modules module, as WildFly loads Yasson and Parsson): {@code x.jar}.
 * <li>{@code vfs:} (a jar of a deployment, as WildFly mounts an EAR's {@code lib/} or a WAR's
 * {@code WEB-INF/lib}): no such file exists, since WildFly reads the jar inside the archive; its content is
 * written to a {@link JarCache}.
 * </ul>
 * Anything else cannot be handed to a worker: the error names the class and where it came from.
 */
final class CodeLocation {
    private CodeLocation() {
    }

    static Path of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null) {
            throw unusable(type, null, "it has no code source");
        }
        return of(type, url, JarCache.standard());
    }

    static Path of(Class<?> type, URL url, JarCache cache) {
        try {
            switch (url.getProtocol()) {
                case "file":
                    return Path.of(url.toURI());
                case "jar":
                    return outerJar(type, url);
                default:
                    return materialized(type, url, cache);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            IllegalStateException failure = unusable(type, url, e.toString());
            failure.initCause(e);
            throw failure;
        }
    }

    private static Path outerJar(Class<?> type, URL url) throws IOException, URISyntaxException {
        // Opening a connection only parses the URL; nothing is read.
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        URL jar = connection.getJarFileURL();
        if (connection.getEntryName() != null || !"file".equals(jar.getProtocol())) {
            throw unusable(type, url, "it is not the root of a jar file on disk");
        }
        return Path.of(jar.toURI());
    }

    private static Path materialized(Class<?> type, URL url, JarCache cache) throws IOException {
        URLConnection connection = url.openConnection();
        Object content = connection.getContent();
        if (!VirtualJar.isVirtualFile(content)) {
            throw unusable(type, url, "no file on disk holds it, and the library can copy only JBoss VFS content");
        }
        byte[] jar = VirtualJar.bytes(content);
        try {
            return cache.store(jar);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start worker JVMs: the copy of " + url + " (which holds "
                    + type.getName() + ") cannot be written to the jar cache " + cache.directory() + ": " + e, e);
        }
    }

    private static IllegalStateException unusable(Class<?> type, URL url, String why) {
        return new IllegalStateException("cannot start worker JVMs: " + type.getName() + " is loaded from " + url
                + " and a worker cannot put that on its class path: " + why);
    }
}
