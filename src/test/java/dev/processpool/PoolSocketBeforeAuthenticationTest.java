package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.channel.UntrustedPeer;
import dev.processpool.internal.pool.WorkerPool;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pool's socket bounds what it reads from a peer before that peer has authenticated: a small frame, a time
 * limit for silence. Hostile or broken peers hold neither memory nor a thread beyond that, and the pool serves on.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class PoolSocketBeforeAuthenticationTest {
    private static final String UNAUTHENTICATED_READER = "processpool-worker-reader";

    @Parameter
    String startMethod;

    static int twice(int x) {
        return 2 * x;
    }

    private static long unauthenticatedReaders() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(UNAUTHENTICATED_READER)).count();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    /** Whether the peer closed the connection: a read that returns end-of-file (or a reset). */
    private static boolean closedByPool(SocketChannel connection) {
        try {
            connection.configureBlocking(false);
            return connection.read(ByteBuffer.allocate(16)) < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    private static SocketChannel connectAndWrite(WorkerPool pool, byte[] bytes) throws IOException {
        SocketChannel connection = SocketChannel.open(UnixDomainSocketAddress.of(pool.socketPath()));
        connection.write(ByteBuffer.wrap(bytes));
        return connection;
    }

    @Test
    void aHugeAnnouncedFrameAndSilentPeersAreDroppedAndThePoolServesOn() throws Exception {
        try (WorkerPool pool = TestPools.newPool(startMethod, 1)) {
            assertEquals(2, pool.apply(PoolSocketBeforeAuthenticationTest::twice, 1));
            long heapBefore = usedHeapAfterGc();
            long readersBefore = unauthenticatedReaders();

            // 4-byte length 0x40000000 (1 GiB), then a type byte: the announcement of a 1 GiB frame
            SocketChannel huge = connectAndWrite(pool, new byte[] {0x40, 0, 0, 0, 1});
            TestPools.await("the 1 GiB announcement to be refused", Duration.ofSeconds(5), () -> closedByPool(huge));
            huge.close();
            long heapGrowth = usedHeapAfterGc() - heapBefore;
            assertTrue(heapGrowth < 32L << 20, "heap grew by " + (heapGrowth >> 20) + " MiB for an announced frame");

            List<SocketChannel> silent = new ArrayList<>();
            long started = System.nanoTime();
            try {
                for (int i = 0; i < 100; i++) {
                    silent.add(connectAndWrite(pool, new byte[] {0, 0}));   // half a header, then silence
                }
                Duration limit = Duration.ofSeconds(UntrustedPeer.SILENCE_SECONDS + 5);
                TestPools.await("every silent peer to be dropped", limit,
                        () -> silent.stream().allMatch(PoolSocketBeforeAuthenticationTest::closedByPool));
                TestPools.await("their reader threads to end", Duration.ofSeconds(5),
                        () -> unauthenticatedReaders() <= readersBefore, () -> unauthenticatedReaders() + " left");
                long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                assertTrue(seconds >= UntrustedPeer.SILENCE_SECONDS - 1, "dropped after the limit, not before: " + seconds);
            } finally {
                for (SocketChannel connection : silent) {
                    connection.close();
                }
            }
            assertEquals(List.of(2, 4, 6), pool.map(PoolSocketBeforeAuthenticationTest::twice, List.of(1, 2, 3)));
        }
    }
}
