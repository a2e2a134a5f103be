package dev.processpool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * A copy of the library (and of the test classes) in a class loader of its own, as a deployment of an application
 * server has one: classes of {@code dev.processpool} are loaded by it first, everything else (JDK, JSON-B, CDI) by
 * the test's loader. Two of them in one JVM are two deployments.
 */
public final class IsolatedLibrary extends URLClassLoader {
    private static final String PREFIX = "dev.processpool.";

    static {
        registerAsParallelCapable();
    }

    private IsolatedLibrary(URL[] urls, ClassLoader parent) {
        super("isolated-processpool", urls, parent);
    }

    /** A fresh copy of the library's classes and of the test classes. */
    public static IsolatedLibrary create() {
        try {
            URL library = location(Pool.class);
            URL tests = location(IsolatedLibrary.class);
            return new IsolatedLibrary(new URL[] {library, tests}, IsolatedLibrary.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL location(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PREFIX)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** Calls the static method {@code className.method(arguments)} of this copy (arguments of JDK types only). */
    public Object call(String className, String method, Object... arguments) throws Exception {
        Class<?> type = loadClass(className);
        for (Method candidate : type.getDeclaredMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                candidate.setAccessible(true);
                try {
                    return candidate.invoke(null, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        throw new NoSuchMethodException(className + "." + method);
    }
}
