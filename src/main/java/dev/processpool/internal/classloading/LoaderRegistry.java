package dev.processpool.internal.classloading;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Ids for the parent's class loaders, so a worker can ask for a class "of loader 3". Id 0 is the plain class
 * path, which workers open themselves. Loaders are held weakly: an undeployed application's loader is not
 * kept alive by the pool.
 */
public final class LoaderRegistry {
    public static final int CLASS_PATH = 0;
    public static final LoaderRegistry INSTANCE = new LoaderRegistry();

    private final Map<ClassLoader, Integer> ids = new WeakHashMap<>();
    private final Map<Integer, WeakReference<ClassLoader>> loaders = new HashMap<>();
    private int nextId = 1;

    private LoaderRegistry() {
    }

    public synchronized int idOf(ClassLoader loader) {
        if (isClassPath(loader)) {
            return CLASS_PATH;
        }
        Integer id = ids.get(loader);
        if (id == null) {
            id = nextId++;
            ids.put(loader, id);
            loaders.put(id, new WeakReference<>(loader));
        }
        return id;
    }

    private static boolean isClassPath(ClassLoader loader) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        for (ClassLoader l = system; l != null; l = l.getParent()) {
            if (l == loader) {
                return true;
            }
        }
        return loader == null;
    }

    /** The bytes of a resource ({@code com/acme/Order.class}) as the loader sees it; null if it has none. */
    public byte[] resource(int id, String name) throws IOException {
        ClassLoader loader = loader(id);
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private synchronized ClassLoader loader(int id) {
        if (id == CLASS_PATH) {
            return ClassLoader.getSystemClassLoader();
        }
        WeakReference<ClassLoader> ref = loaders.get(id);
        return ref == null ? null : ref.get();
    }
}
