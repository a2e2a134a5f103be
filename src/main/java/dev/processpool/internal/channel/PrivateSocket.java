package dev.processpool.internal.channel;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A listening Unix domain socket in a fresh directory that only the owner can open (0700). Closing it
 * removes the socket file and the directory.
 */
public final class PrivateSocket implements AutoCloseable {
    /** Directory names start with this, then the owner's pid, so a stale one can be told from a live one. */
    public static final String DIRECTORY_PREFIX = "processpool-";

    private final Path directory;
    private final Path path;
    private final ServerSocketChannel server;

    private PrivateSocket(Path directory, Path path, ServerSocketChannel server) {
        this.directory = directory;
        this.path = path;
        this.server = server;
    }

    public static PrivateSocket open(String name) throws IOException {
        Path directory = createPrivateDirectory();
        Path path = directory.resolve(name);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            server.close();
            deleteQuietly(directory);
            throw e;
        }
        return new PrivateSocket(directory, path, server);
    }

    private static Path createPrivateDirectory() throws IOException {
        // Socket paths are limited to ~100 bytes, so prefer a short temp dir when java.io.tmpdir is long.
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        String prefix = DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-";
        if (isPosix()) {
            return Files.createTempDirectory(base, prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(base, prefix);
    }

    private static boolean isPosix() {
        return Path.of("/").getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    public Path path() {
        return path;
    }

    public Path directory() {
        return directory;
    }

    /** The next connection; throws once closed. */
    public FrameChannel accept() throws IOException {
        return new FrameChannel(server.accept());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        deleteQuietly(path);
        deleteQuietly(directory);
    }

    /** Whether a process accepts connections on this socket (a connection is made and closed at once). */
    public static boolean isListening(Path socketPath) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socketPath))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes a socket and its directory left by an owner that could not do it (it was killed). */
    public static void removeOrphan(Path socketPath) {
        deleteQuietly(socketPath);
        Path directory = socketPath.getParent();
        if (directory != null && directory.getFileName().toString().startsWith(DIRECTORY_PREFIX)) {
            deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: a directory another process still uses stays
        }
    }
}
