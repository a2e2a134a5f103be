package dev.processpool.internal.channel;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A listening Unix domain socket in a fresh directory that only the owner can open (0700). Closing it
 * removes the socket file and the directory. Sockets still open when the JVM exits are closed by a shutdown
 * hook, and by {@link #closeAllOpen()} before a {@code Runtime.halt}, so that neither leaves a directory
 * behind; only a JVM killed outright does, for the next JVM's sweep.
 */
public final class PrivateSocket implements AutoCloseable {
    /** Directory names start with this, then the owner's pid, so a stale one can be told from a live one. */
    public static final String DIRECTORY_PREFIX = "processpool-";
    private static final AtomicBoolean SWEPT = new AtomicBoolean();
    /** The sockets of this JVM still open; its monitor orders opening against {@link #closeAllOpen()}. */
    private static final Set<PrivateSocket> OPEN = ConcurrentHashMap.newKeySet();
    /** Registered while a socket is open: a registered hook would keep this copy of the library loaded for ever. */
    private static Thread exitHook;
    private static boolean exiting;

    private final Path directory;
    private final Path path;
    private final ServerSocketChannel server;

    private PrivateSocket(Path directory, Path path, ServerSocketChannel server) {
        this.directory = directory;
        this.path = path;
        this.server = server;
    }

    public static PrivateSocket open(String name) throws IOException {
        if (SWEPT.compareAndSet(false, true)) {
            sweepStale();
        }
        // Under the lock of the open sockets: a JVM that exits meanwhile closes this one too, or refuses it.
        synchronized (OPEN) {
            if (exiting) {
                throw new IOException("this JVM is exiting: no new socket");
            }
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
            PrivateSocket socket = new PrivateSocket(directory, path, server);
            OPEN.add(socket);
            if (exitHook == null) {
                exitHook = new Thread(PrivateSocket::closeAllOpen, "processpool-sockets");
                exitHook.setContextClassLoader(null);
                Runtime.getRuntime().addShutdownHook(exitHook);
            }
            return socket;
        }
    }

    /** Closes every socket of this JVM that is still open, and refuses new ones: for a JVM about to exit. */
    public static void closeAllOpen() {
        List<PrivateSocket> open;
        synchronized (OPEN) {
            exiting = true;
            open = List.copyOf(OPEN);
        }
        open.forEach(PrivateSocket::close);
    }

    /**
     * Removes the socket directories of processes that are gone (killed before they could clean up), and any left
     * under this process's own pid by an earlier process that had it (made before this JVM started). Never one made
     * by this JVM: another copy of the library in it (another deployment's class loader) may be using it. Once per
     * copy of the library, before its first socket.
     */
    static void sweepStale() {
        long self = ProcessHandle.current().pid();
        Instant started = ProcessHandle.current().info().startInstant().orElse(null);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temporaryDirectory(), DIRECTORY_PREFIX + "*")) {
            for (Path directory : entries) {
                long owner = ownerPid(directory);
                boolean stale = owner == self ? madeBefore(directory, started)
                        : owner > 0 && ProcessHandle.of(owner).map(p -> !p.isAlive()).orElse(true);
                if (stale && Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                    removeSockets(directory);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a directory we cannot read or remove is someone else's
        }
    }

    /** Whether the directory was made before {@code instant} (a second's margin); false if either is unknown. */
    private static boolean madeBefore(Path directory, Instant instant) throws IOException {
        if (instant == null) {
            return false;
        }
        Instant made = Files.readAttributes(directory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .lastModifiedTime().toInstant();
        return made.isBefore(instant.minusSeconds(1));
    }

    private static long ownerPid(Path directory) {
        String[] parts = directory.getFileName().toString().split("-");
        try {
            return parts.length >= 3 ? Long.parseLong(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Deletes the sockets in a directory of ours, then the directory if that left it empty. */
    private static void removeSockets(Path directory) throws IOException {
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(directory, "*.sock")) {
            for (Path socket : sockets) {
                deleteQuietly(socket);
            }
        }
        deleteQuietly(directory);
    }

    private static Path temporaryDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static Path createPrivateDirectory() throws IOException {
        // Socket paths are limited to ~100 bytes, so prefer a short temp dir when java.io.tmpdir is long.
        Path base = temporaryDirectory();
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

    /**
     * Removes the socket's file and directory, then stops listening. In that order: the thread blocked in
     * {@link #accept()} wakes when the socket closes and may end its JVM (a forkserver's main thread does), which
     * must find nothing left to remove.
     */
    @Override
    public void close() {
        synchronized (OPEN) {
            if (OPEN.remove(this) && OPEN.isEmpty() && exitHook != null && !exiting) {
                try {
                    Runtime.getRuntime().removeShutdownHook(exitHook);
                } catch (IllegalStateException exitingAlready) {
                    // the hook runs now, and closes this socket again: harmless
                }
                exitHook = null;
            }
        }
        deleteQuietly(path);
        deleteQuietly(directory);
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
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
