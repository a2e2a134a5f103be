package dev.processpool.internal.channel;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.IsolatedLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two copies of the library in one JVM (two deployments of a server): the second copy's sweep of stale socket
 * directories at its first socket must leave the first copy's live socket alone.
 */
class SweepSparesLiveSocketsTest {
    @Test
    void aSecondCopysSweepLeavesTheFirstCopysSocket() throws Exception {
        try (IsolatedLibrary first = IsolatedLibrary.create(); IsolatedLibrary second = IsolatedLibrary.create()) {
            assertNotSame(first.loadClass(PrivateSocket.class.getName()), second.loadClass(PrivateSocket.class.getName()));
            Object socket = first.call(PrivateSocket.class.getName(), "open", "pool.sock");
            Path path = (Path) socket.getClass().getMethod("path").invoke(socket);
            try {
                Object other = second.call(PrivateSocket.class.getName(), "open", "pool.sock");   // sweeps first
                other.getClass().getMethod("close").invoke(other);
                second.call(PrivateSocket.class.getName(), "sweepStale");

                assertTrue(Files.exists(path), "the first copy's live socket was removed by the second's sweep: " + path);
                assertTrue(PrivateSocket.isListening(path), "the first copy's socket no longer accepts connections");
            } finally {
                socket.getClass().getMethod("close").invoke(socket);
            }
        }
    }

    @Test
    void aDirectoryOfADeadProcessIsSwept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir"),
                PrivateSocket.DIRECTORY_PREFIX + gone.pid() + "-sweeptest" + System.nanoTime()));
        Files.createFile(stale.resolve("pool.sock"));

        PrivateSocket.sweepStale();

        assertTrue(Files.notExists(stale), "a dead process's directory was left: " + stale);
    }
}
