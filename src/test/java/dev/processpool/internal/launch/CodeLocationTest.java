package dev.processpool.internal.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.classloading.BytesUrl;
import dev.processpool.internal.worker.WorkerMain;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.vfs.TempFileProvider;
import org.jboss.vfs.VFS;
import org.jboss.vfs.VirtualFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker class path entries from every kind of code source an application server hands the library. */
class CodeLocationTest {
    private static final String PROBE = CodeLocationProbe.class.getName().replace('.', '/') + ".class";

    @TempDir
    Path temp;

    @Test
    void aClassOnThePlainClassPathIsUsedWhereItLies() throws Exception {
        Path classes = Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertEquals(classes, CodeLocation.of(WorkerMain.class));
    }

    @Test
    void theJarOfAJBossModulesModuleIsUsedWhereItLies() throws Exception {
        Path jar = probeJar(temp.resolve("module.jar"));
        JarCache cache = new JarCache(temp.resolve("cache"));

        assertEquals(jar, CodeLocation.of(CodeLocationProbe.class, new URL("jar:" + jar.toUri() + "!/"), cache));
        assertFalse(Files.exists(cache.directory()), "nothing was copied");
    }

    @Test
    void aJarThatJBossVfsMountsIsCopiedIntoThePrivateCacheUnderItsContentHash() throws Exception {
        Path jar = probeJar(temp.resolve("processpool.jar"));
        JarCache cache = new JarCache(temp.resolve("cache"));
        Path copy;
        Path again;
        try (Mounted mounted = Mounted.zip(jar)) {
            copy = CodeLocation.of(CodeLocationProbe.class, mounted.url(), cache);
            again = CodeLocation.of(CodeLocationProbe.class, mounted.url(), cache);
        }

        assertEquals(cache.directory(), copy.getParent());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy)))
                + ".jar", copy.getFileName().toString());
        assertEquals(copy, again, "the same content is kept once");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.directory())));
        try (JarFile copied = new JarFile(copy.toFile())) {
            assertEquals("META-INF/MANIFEST.MF", copied.entries().nextElement().getName());
            assertArrayEquals(probeBytes(), copied.getInputStream(copied.getEntry(PROBE)).readAllBytes());
            assertEquals(null, copied.getEntry("META-INF/SIGNER.SF"), "signature files are left out");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {copy.toUri().toURL()}, null)) {
            assertEquals(CodeLocationProbe.class.getName(), loader.loadClass(CodeLocationProbe.class.getName()).getName());
        }
    }

    @Test
    void aJarCacheThatCannotBeWrittenFailsNamingTheCacheAndTheJar() throws Exception {
        Path jar = probeJar(temp.resolve("processpool.jar"));
        JarCache cache = new JarCache(Files.createFile(temp.resolve("a-file")).resolve("cache"));
        try (Mounted mounted = Mounted.zip(jar)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> CodeLocation.of(CodeLocationProbe.class, mounted.url(), cache));
            assertTrue(refused.getMessage().contains("cannot be written to the jar cache " + cache.directory()),
                    refused.getMessage());
        }
    }

    @Test
    void aCachedJarThatDisappearedIsWrittenAgain() throws Exception {
        JarCache cache = new JarCache(temp.resolve("cache"));
        byte[] content = Files.readAllBytes(probeJar(temp.resolve("a.jar")));
        Path stored = cache.store(content);
        Files.delete(stored);

        assertEquals(stored, cache.store(content));
        assertArrayEquals(content, Files.readAllBytes(stored));
    }

    @Test
    void aCacheDirectoryOthersCanWriteToIsRefused() throws Exception {
        Path open = Files.createDirectory(temp.resolve("open"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new JarCache(open).store(new byte[1]));
        assertTrue(refused.getMessage().contains(open + " is not private"), refused.getMessage());
    }

    @Test
    void aLocationNoWorkerCanUseIsRefusedNamingTheClassAndTheLocation() throws Exception {
        URL elsewhere = BytesUrl.of("memory", "", "/app/lib.jar", "some bytes".getBytes(StandardCharsets.UTF_8));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> CodeLocation.of(CodeLocationProbe.class, elsewhere, new JarCache(temp.resolve("cache"))));
        assertTrue(refused.getMessage().contains(CodeLocationProbe.class.getName() + " is loaded from memory:/app/lib.jar"),
                refused.getMessage());
    }

    private static Path probeJar(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (var entry : List.of(
                    new Object[] {PROBE, probeBytes()},
                    new Object[] {"META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes()},
                    new Object[] {"META-INF/SIGNER.SF", "Signature-Version: 1.0\r\n\r\n".getBytes()})) {
                out.putNextEntry(new ZipEntry((String) entry[0]));
                out.write((byte[]) entry[1]);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static byte[] probeBytes() throws IOException {
        try (InputStream in = CodeLocationProbe.class.getClassLoader().getResourceAsStream(PROBE)) {
            return in.readAllBytes();
        }
    }

    /** A jar mounted the way WildFly mounts an EAR's library jar, and the {@code vfs:} URL of its root. */
    private record Mounted(ScheduledExecutorService executor, TempFileProvider temp, Closeable mount, VirtualFile root)
            implements Closeable {
        static Mounted zip(Path jar) throws IOException {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
            TempFileProvider temp = TempFileProvider.create("code-location-test", executor, true);
            VirtualFile root = VFS.getChild("/content/" + System.nanoTime() + "/lib/" + jar.getFileName());
            return new Mounted(executor, temp, VFS.mountZip(jar.toFile(), root, temp), root);
        }

        URL url() throws IOException {
            return root.toURL();
        }

        @Override
        public void close() throws IOException {
            mount.close();
            temp.close();
            executor.shutdownNow();
            // The provider removes its files but leaves its directories: java.io.tmpdir/vfs/code-location-test
            Path providerRoot = Path.of(System.getProperty("java.io.tmpdir"), "vfs");
            deleteIfEmpty(providerRoot.resolve("code-location-test"));
            deleteIfEmpty(providerRoot);
        }

        private static void deleteIfEmpty(Path directory) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException stillInUse) {
                // not empty: another test's mount, or something that is not ours
            }
        }
    }
}
