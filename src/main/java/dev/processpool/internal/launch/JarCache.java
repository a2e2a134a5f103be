package dev.processpool.internal.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Jars written for worker class paths, one file per content, named by its SHA-256, in a directory only this
 * user can open. A cache, not a temporary file: a redeployed application finds its jar again instead of adding
 * another, and a new version of the library adds one file. The directory is {@value #DIRECTORY_PROPERTY} if set,
 * else {@code processpool-<user>-jars} in {@code java.io.tmpdir}. A directory that exists but is not private
 * (another owner, or open to others) is refused, since its jars would run in every worker.
 */
final class JarCache {
    static final String DIRECTORY_PROPERTY = "processpool.jarCache";

    private final Path directory;

    JarCache(Path directory) {
        this.directory = directory;
    }

    static JarCache standard() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return new JarCache(configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "processpool-" + System.getProperty("user.name") + "-jars"));
    }

    Path directory() {
        return directory;
    }

    /** The file holding exactly {@code jar}: the one already there, or one written now. */
    Path store(byte[] jar) throws IOException {
        byte[] hash = sha256(jar);
        Path target = PrivateDirectory.ensure(directory, "jar cache", DIRECTORY_PROPERTY).resolve(HexFormat.of().formatHex(hash) + ".jar");
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(hash, sha256(Files.readAllBytes(target)))) {
            return target;
        }
        // Written aside and renamed: a worker starting meanwhile never sees half a jar.
        Path written = Files.createTempFile(target.getParent(), "writing-", ".tmp");
        try {
            Files.write(written, jar);
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
        return target;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
