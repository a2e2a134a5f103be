package dev.processpool.internal.forkserver;

import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.channel.UntrustedPeer;
import dev.processpool.internal.threads.Daemons;
import dev.processpool.internal.workerjvm.StdinLine;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The main class of a forkserver process. It reads its key from its standard input, listens on a socket in a
 * private directory, says where on its standard output ({@code LISTENING <path>}), and serves authenticated
 * connections. It holds nothing of the application. When its owner's JVM goes away (its standard input or
 * its owner's connection closes), it kills its reserve, removes its socket and exits.
 */
public final class ForkServerMain {
    static final String LISTENING = "LISTENING ";
    /** A reserve nobody took from for this long is stopped: its pools are gone. */
    private static final long IDLE_RESERVE_SECONDS = 30;

    private final byte[] key;
    private final PrivateSocket socket;
    private final Map<String, Reserve> reserves = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refiller = Executors.newScheduledThreadPool(1, Daemons.factory("forkserver-refill"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Daemons.factory("forkserver-watchdog"));
    private final AtomicBoolean stopping = new AtomicBoolean();

    private ForkServerMain(byte[] key, PrivateSocket socket) {
        this.key = key;
        this.socket = socket;
    }

    public static void main(String[] args) throws IOException {
        Handshake.warmUpInBackground();   // while the socket is opened
        byte[] key = HexFormat.of().parseHex(StdinLine.read(System.in));
        ForkServerMain server = new ForkServerMain(key, PrivateSocket.open("forkserver.sock"));
        server.watchdog.scheduleWithFixedDelay(server::stopIdleReserves, IDLE_RESERVE_SECONDS, IDLE_RESERVE_SECONDS,
                TimeUnit.SECONDS);
        Daemons.start("forkserver-owner", server::watchOwner);
        System.out.println(LISTENING + server.socket.path());
        System.out.flush();
        server.acceptLoop();
    }

    /** The owner keeps our standard input open for as long as it lives. */
    private void watchOwner() {
        try {
            while (System.in.read() >= 0) {
                // nothing is sent after the key
            }
        } catch (IOException ignored) {
            // closed: the owner is gone
        }
        stop();
    }

    private void stopIdleReserves() {
        long idle = TimeUnit.SECONDS.toNanos(IDLE_RESERVE_SECONDS);
        reserves.entrySet().removeIf(entry -> {
            if (entry.getValue().idleFor(idle)) {
                entry.getValue().killAll();
                return true;
            }
            return false;
        });
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            FrameChannel connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                stop();
                return;
            }
            Daemons.start("forkserver-session", () -> serve(connection));
        }
    }

    private void serve(FrameChannel connection) {
        try (UntrustedPeer.Deadline deadline = UntrustedPeer.dropIfSilent(connection)) {
            Handshake.asServer(connection, key);
        } catch (IOException | RuntimeException refused) {
            // not our owner: drop it and go on serving
            connection.close();
            return;
        }
        try {
            new ServerSession(connection, reserves, refiller).serve();
        } catch (IOException | RuntimeException e) {
            // the owner closed its connection: it is done with this server
        }
        stop();
    }

    private void stop() {
        if (stopping.compareAndSet(false, true)) {
            reserves.values().forEach(Reserve::killAll);
            PrivateSocket.closeAllOpen();
            Runtime.getRuntime().halt(0);
        }
    }


}
