package dev.processpool.internal.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thread that must not wait for its peer can queue frames larger than any socket buffer while the peer reads
 * nothing; they arrive whole and in the order queued, with frames that a waiting thread wrote itself.
 */
class SendQueueTest {
    private static final int LARGE = 8 * 1024 * 1024;

    @Test
    void writeQueuedLaterReturnsWhileThePeerReadsNothingAndFramesKeepTheirOrder() throws Exception {
        try (PrivateSocket socket = PrivateSocket.open("send-queue-test.sock");
                FrameChannel sender = FrameChannel.connect(socket.path());
                FrameChannel peer = socket.accept()) {
            SendQueue queue = new SendQueue(sender);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {   // the way out if it waited for the peer
                for (int i = 0; i < 3; i++) {
                    queue.add(new FrameWriter(FrameType.TASK).putLong(i).putBytes(new byte[LARGE]));
                    queue.writeQueuedLater();
                }
            }, "writeQueuedLater() waited for a peer that reads nothing");

            Thread writer = new Thread(() -> {   // a thread that may wait: it writes what is queued before its own
                queue.add(new FrameWriter(FrameType.TASK).putLong(3).putBytes(new byte[1]));
                try {
                    queue.writeQueued();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            List<Long> received = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Frame frame = peer.receive();
                received.add(frame.getLong());
                sizes.add(frame.getBytes().length);
            }
            writer.join(30_000);
            assertEquals(List.of(0L, 1L, 2L, 3L), received);
            assertEquals(List.of(LARGE, LARGE, LARGE, 1), sizes);
        }
    }
}
