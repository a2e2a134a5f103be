package dev.processpool.internal.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Frames of every size arrive whole and in order through the channel's read buffer, and its end is seen. */
class FrameChannelTest {
    @Test
    void framesSmallerAndLargerThanTheReadBufferArriveWholeAndInOrder() throws Exception {
        Random random = new Random(42);
        List<byte[]> bodies = new ArrayList<>();
        for (int size : new int[] {0, 1, 7, 65_531, 65_536, 65_537, 200_000, 3, 1_000_000, 12}) {
            byte[] body = new byte[size];
            random.nextBytes(body);
            bodies.add(body);
        }
        for (int i = 0; i < 2_000; i++) {   // many small frames back to back: several in one read
            bodies.add(new byte[] {(byte) i, (byte) (i >> 8)});
        }
        try (PrivateSocket socket = PrivateSocket.open("frame-test.sock")) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try (FrameChannel out = FrameChannel.connect(socket.path())) {
                    for (byte[] body : bodies) {
                        out.send(new FrameWriter(FrameType.TASK).putLong(body.length).putBytes(body));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (FrameChannel in = socket.accept()) {
                for (byte[] body : bodies) {
                    Frame frame = in.receive();
                    assertEquals(FrameType.TASK, frame.type());
                    assertEquals(body.length, frame.getLong());
                    assertArrayEquals(body, frame.getBytes());
                }
                sent.get(30, TimeUnit.SECONDS);
                assertThrows(EOFException.class, in::receive, "the sender closed its end");
            }
        }
    }
}
