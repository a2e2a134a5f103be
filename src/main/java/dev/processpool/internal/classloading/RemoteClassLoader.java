package dev.processpool.internal.classloading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * In a worker: the classes and resources of one of the parent's class loaders, fetched from the parent over
 * the channel when the worker's own class path lacks them.
 */
public final class RemoteClassLoader extends ClassLoader {
    /** Fetches a resource's bytes from the parent; null when the parent's loader has none. */
    @FunctionalInterface
    public interface ResourceSource {
        byte[] fetch(int loaderId, String name) throws IOException;
    }

    static {
        registerAsParallelCapable();
    }

    private final int loaderId;
    private final ResourceSource source;

    public RemoteClassLoader(int loaderId, ClassLoader parent, ResourceSource source) {
        super("processpool-remote-" + loaderId, parent);
        this.loaderId = loaderId;
        this.source = source;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes;
        try {
            bytes = source.fetch(loaderId, name.replace('.', '/') + ".class");
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " (fetching it from the parent failed: " + e.getMessage() + ")", e);
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name + " (not found by the parent's class loader " + loaderId + ")");
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected URL findResource(String name) {
        byte[] bytes;
        try {
            bytes = source.fetch(loaderId, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes == null) {
            return null;
        }
        return BytesUrl.of("processpool", "parent-" + loaderId, "/" + name, bytes);
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(url));
    }
}
