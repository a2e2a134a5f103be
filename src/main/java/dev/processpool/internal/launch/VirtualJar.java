package dev.processpool.internal.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A JBoss VFS {@code VirtualFile} tree (how WildFly presents a deployment's jar or classes directory) written out
 * as the bytes of a jar. VFS is used reflectively through its public methods, so the library does not depend on
 * it. The bytes depend only on the content: entries in name order (the manifest first), all with one fixed
 * time, so the same content always makes the same jar and the {@link JarCache} keeps one file for it.
 * Signature files are left out: the classes are copied, not the signed jar.
 */
final class VirtualJar {
    static final String VIRTUAL_FILE = "org.jboss.vfs.VirtualFile";
    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final long FIXED_TIME = 315_532_800_000L;   // 1980-01-01, the earliest a zip entry can say

    private VirtualJar() {
    }

    static boolean isVirtualFile(Object content) {
        return content != null && VIRTUAL_FILE.equals(content.getClass().getName());
    }

    static byte[] bytes(Object root) throws IOException {
        TreeMap<String, Object> files = new TreeMap<>((a, b) -> MANIFEST.equals(a) ? (MANIFEST.equals(b) ? 0 : -1)
                : MANIFEST.equals(b) ? 1 : a.compareTo(b));
        for (Object file : (List<?>) call(root, "getChildrenRecursively")) {
            if ((Boolean) call(file, "isFile")) {
                String name = (String) call(file, "getPathNameRelativeTo", root);
                if (!isSignature(name)) {
                    files.put(name, file);
                }
            }
        }
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(jar)) {
            for (var file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(FIXED_TIME);
                out.putNextEntry(entry);
                try (InputStream in = (InputStream) call(file.getValue(), "openStream")) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar.toByteArray();
    }

    private static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }

    private static Object call(Object target, String method, Object... arguments) throws IOException {
        try {
            Method found = findMethod(target.getClass(), method, arguments.length);
            return found.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("reading " + target + " through VFS failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot read " + target + " through VFS's " + method + ": " + e, e);
        }
    }

    private static Method findMethod(Class<?> type, String name, int parameters) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == parameters
                    && (parameters == 0 || method.getParameterTypes()[0].getName().equals(VIRTUAL_FILE))) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + " with " + parameters + " parameters");
    }
}
