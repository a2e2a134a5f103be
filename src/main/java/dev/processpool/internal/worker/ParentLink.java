package dev.processpool.internal.worker;

import dev.processpool.internal.channel.Frame;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.FrameWriter;
import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.channel.SendQueue;
import dev.processpool.internal.channel.WorkerFrames;
import dev.processpool.internal.threads.Daemons;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker's end of the channel. A reader thread takes every frame: answers to resource requests go to the
 * waiting requester, a request to give a chunk back is answered at once, everything else goes to the inbox of
 * the main thread. The reader never waits to write (see {@link SendQueue}), so whatever the parent writes here
 * is read. When the parent goes away without a SHUTDOWN (it was killed), the worker halts at once and
 * removes the parent's orphaned socket.
 */
final class ParentLink {
    private static final long RESOURCE_TIMEOUT_SECONDS = 60;
    private static final long ORPHAN_CHECK_MILLIS = 1000;
    private static final long ORPHAN_CHECK_INTERVAL_MILLIS = 20;

    private final FrameChannel channel;
    private final SendQueue sends;
    private final Path socketPath;
    private final BlockingQueue<Frame> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, CompletableFuture<byte[]>> pendingResources = new ConcurrentHashMap<>();
    private final AtomicLong nextRequest = new AtomicLong();
    private volatile boolean shuttingDown;
    private volatile ItemWatch watch;

    ParentLink(FrameChannel channel, Path socketPath) {
        this.channel = channel;
        this.sends = new SendQueue(channel);
        this.socketPath = socketPath;
    }

    void startReading() {
        Daemons.start("processpool-parent-link", this::readLoop);
    }

    private void readLoop() {
        try {
            while (true) {
                Frame frame = channel.receive();
                if (frame.type() == FrameType.REVOKE) {
                    giveBack(WorkerFrames.Revoke.read(frame).chunkId());
                } else if (frame.type() == FrameType.CANCEL) {
                    cancel(WorkerFrames.Cancel.read(frame).chunkId());
                } else if (frame.type() == FrameType.RESOURCE) {
                    WorkerFrames.Resource resource = WorkerFrames.Resource.read(frame);
                    CompletableFuture<byte[]> pending = pendingResources.remove(resource.requestId());
                    if (pending != null) {
                        pending.complete(resource.bytes());
                    }
                } else {
                    if (frame.type() == FrameType.SHUTDOWN) {
                        shuttingDown = true;
                    }
                    inbox.add(frame);
                }
            }
        } catch (IOException e) {
            if (!shuttingDown) {
                removeSocketIfOrphaned();
                Runtime.getRuntime().halt(WorkerMain.EXIT_PARENT_GONE);
            }
        } catch (Throwable t) {
            // A malformed frame or an error of this JVM: the channel cannot be trusted any more. Said on the JVM's
            // own standard error (System.err goes through the channel), which the parent logs.
            PrintStream jvmErr = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
            jvmErr.print("processpool worker: the channel to the parent failed, exiting: ");
            t.printStackTrace(jvmErr);
            Runtime.getRuntime().halt(WorkerMain.EXIT_CHANNEL_FAILED);
        }
    }

    /**
     * The parent wants a chunk back for an idle worker: it is given back if it still waits here, untouched. The
     * main thread takes tasks from the same inbox, and {@code removeIf} unlinks only frames still in it (it tests
     * them unlocked, so the test must not depend on a frame's cursor), so a chunk is either removed here or run
     * there, never both.
     */
    private void giveBack(long chunkId) {
        boolean removed = inbox.removeIf(frame -> isTask(frame, chunkId));
        sends.add(new WorkerFrames.Revoked(chunkId, removed).write());
        sends.writeQueuedLater();
    }

    /** The chunk's caller gave up on it: dropped if it waits here, interrupted if it runs. */
    private void cancel(long chunkId) {
        if (inbox.removeIf(frame -> isTask(frame, chunkId))) {
            sends.add(new WorkerFrames.Cancelled(chunkId).write());
            sends.writeQueuedLater();
        } else {
            ItemWatch watching = watch;
            if (watching != null) {
                watching.cancel(chunkId);
            }
        }
    }

    private static boolean isTask(Frame frame, long chunkId) {
        return frame.type() == FrameType.TASK && WorkerFrames.Task.chunkId(frame) == chunkId;
    }

    void watchedBy(ItemWatch itemWatch) {
        this.watch = itemWatch;
    }

    /**
     * The pool closed this channel, or its JVM is gone. If nobody listens on its socket any more, the parent
     * was killed and could not remove the socket: this worker does. A dying JVM closes its descriptors one by
     * one, so the socket may still accept for a moment after this channel closed: look again, briefly.
     */
    private void removeSocketIfOrphaned() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ORPHAN_CHECK_MILLIS);
        do {
            if (!PrivateSocket.isListening(socketPath)) {
                PrivateSocket.removeOrphan(socketPath);
                return;
            }
            try {
                Thread.sleep(ORPHAN_CHECK_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        } while (System.nanoTime() < deadline);
    }

    /** Closes the channel on the worker's own initiative: its end is no sign of the parent's death. */
    void close() {
        shuttingDown = true;
        channel.close();
    }

    Frame next() throws InterruptedException {
        return inbox.take();
    }

    /** The next frame, or null if none comes within {@code timeoutMillis}. */
    Frame next(long timeoutMillis) throws InterruptedException {
        return inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Writes {@code frame} after those queued before it, waiting for the parent to read if it must. */
    void send(FrameWriter frame) throws IOException {
        sends.add(frame);
        sends.writeQueued();
    }

    /** Asks the parent for a resource of one of its class loaders and waits for the answer. */
    byte[] fetchResource(int loaderId, String name) throws IOException {
        long id = nextRequest.incrementAndGet();
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        pendingResources.put(id, answer);
        send(new WorkerFrames.ResourceRequest(id, loaderId, name).write());
        try {
            return answer.get(RESOURCE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + name + " from the parent", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no answer from the parent for " + name + " within "
                    + RESOURCE_TIMEOUT_SECONDS + " s", e);
        } finally {
            pendingResources.remove(id);
        }
    }
}
