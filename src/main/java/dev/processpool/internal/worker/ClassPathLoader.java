package dev.processpool.internal.worker;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The loader of the parent's plain class path, read from files by the worker itself. Building it takes a stat and
 * a URL per entry (tens of ms for a long class path in a young JVM), so a worker builds it ahead
 * ({@link #prepare}) from its warm-up hints, and its pool's first task finds it ready.
 */
final class ClassPathLoader {
    private record Prepared(String classPath, URLClassLoader loader) {
    }

    /** Guarded by the class: a first task that asks while its loader is being prepared waits for it. */
    private static Prepared prepared;

    private ClassPathLoader() {
    }

    /** The loader prepared for {@code classPath}, else a new one. */
    static synchronized URLClassLoader of(String classPath) {
        Prepared ahead = prepared;
        return ahead != null && ahead.classPath().equals(classPath) ? ahead.loader() : build(classPath);
    }

    /** Builds the loader of {@code classPath} for a later {@link #of}. */
    static synchronized URLClassLoader prepare(String classPath) {
        URLClassLoader loader = build(classPath);
        prepared = new Prepared(classPath, loader);
        return loader;
    }

    private static URLClassLoader build(String classPath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                try {
                    urls.add(new File(entry).toURI().toURL());
                } catch (MalformedURLException e) {
                    // an entry that is no path cannot hold classes either
                }
            }
        }
        return new URLClassLoader("processpool-class-path", urls.toArray(URL[]::new),
                ClassPathLoader.class.getClassLoader());
    }
}
