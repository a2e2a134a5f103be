package dev.processpool.internal.channel;

import dev.processpool.internal.threads.Daemons;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The frames for one channel, written in the order they were queued. A thread that may wait for its peer
 * writes them itself ({@link #writeQueued()}); a thread that must never wait for its peer, such as the one
 * that reads the same channel, leaves them to a writer thread ({@link #writeQueuedLater()}).
 *
 * <p>Why a reader must not wait to write: a socket's buffers are finite, so a write waits until the peer
 * reads. The parent's reader of a worker's channel also writes to it (the next chunk when a result arrives).
 * If the worker's reader, answering a {@code REVOKE}, waited for the channel while the worker's main thread
 * held it to write a large result, the worker would stop reading: the parent's reader would wait to write the
 * next chunk and never read that result, and each process would wait for the other, forever.
 */
public final class SendQueue {
    private final FrameChannel channel;
    private final Queue<FrameWriter> frames = new ConcurrentLinkedQueue<>();
    private final Object writing = new Object();
    private final AtomicBoolean writerScheduled = new AtomicBoolean();

    public SendQueue(FrameChannel channel) {
        this.channel = channel;
    }

    public void add(FrameWriter frame) {
        frames.add(frame);
    }

    /**
     * Writes every queued frame on this thread, waiting for the peer to read if it must.
     *
     * @throws IOException when the channel fails; frames still queued are dropped with it
     */
    public void writeQueued() throws IOException {
        synchronized (writing) {
            for (FrameWriter frame = frames.poll(); frame != null; frame = frames.poll()) {
                channel.send(frame);
            }
        }
    }

    /** Has every queued frame written on a writer thread, and returns at once. A failure closes the channel. */
    public void writeQueuedLater() {
        if (writerScheduled.compareAndSet(false, true)) {
            Writers.POOL.execute(() -> {
                writerScheduled.set(false);   // first: a frame queued from now on schedules a writer again
                try {
                    writeQueued();
                } catch (IOException e) {
                    channel.close();
                }
            });
        }
    }

    /** Made on first use: most workers never need it, and it should not cost their start. */
    private static final class Writers {
        /** Threads come as writes wait and go after two seconds idle (an undeployed library's go soon). */
        static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS,
                new SynchronousQueue<>(), Daemons.factory("processpool-writer"));
    }
}
