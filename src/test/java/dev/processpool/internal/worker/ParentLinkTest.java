package dev.processpool.internal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.processpool.internal.channel.Frame;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.FrameWriter;
import dev.processpool.internal.channel.PrivateSocket;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deadlock this guards against: the worker's main thread writes a large result while the parent, not
 * reading, writes the worker its next large chunk; a {@code REVOKE} arrives in between. If the worker's reader
 * waited for the channel to answer it, it would stop reading, and each process would wait for the other.
 */
class ParentLinkTest {
    private static final int LARGE = 8 * 1024 * 1024;   // far more than a socket's buffers

    @Test
    void theReaderKeepsReadingWhileTheMainThreadWaitsToWriteALargeResult() throws Exception {
        try (PrivateSocket socket = PrivateSocket.open("parent-link-test.sock");
                FrameChannel workerEnd = FrameChannel.connect(socket.path());
                FrameChannel parentEnd = socket.accept()) {
            ParentLink link = new ParentLink(workerEnd, socket.path());
            link.startReading();
            Thread main = new Thread(() -> {
                try {
                    link.send(new FrameWriter(FrameType.RESULT).putLong(1).putBytes(new byte[LARGE]));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "worker-main");
            main.start();
            awaitInsideFrameChannelSend(main);   // it holds the channel until the parent reads

            try {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    parentEnd.send(new FrameWriter(FrameType.REVOKE).putLong(2));
                    parentEnd.send(new FrameWriter(FrameType.TASK).putLong(3).putBytes(new byte[LARGE]));
                }, "the worker stopped reading while its main thread waited to write");

                Frame result = parentEnd.receive();
                assertEquals(FrameType.RESULT, result.type());
                assertEquals(1, result.getLong());
                assertEquals(LARGE, result.getBytes().length);
                Frame revoked = parentEnd.receive();
                assertEquals(FrameType.REVOKED, revoked.type());
                assertEquals(2, revoked.getLong());
                assertFalse(revoked.getBoolean(), "chunk 2 was never here");
                Frame task = link.next();
                assertEquals(FrameType.TASK, task.type());
                assertEquals(3, task.getLong());
                main.join(TimeUnit.SECONDS.toMillis(30));
            } finally {
                link.close();   // before the parent's end closes: else the link would halt this JVM
            }
        }
    }

    /** Waits, without a time limit of its own, until {@code thread} is writing on a channel. */
    private static void awaitInsideFrameChannelSend(Thread thread) {
        CompletableFuture.runAsync(() -> {
            while (Arrays.stream(ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId(), 64).getStackTrace())
                    .noneMatch(frame -> frame.getClassName().equals(FrameChannel.class.getName())
                            && frame.getMethodName().equals("send"))) {
                Thread.onSpinWait();
            }
        }).orTimeout(30, TimeUnit.SECONDS).join();
    }
}
