package dev.processpool.internal.pool;

import dev.processpool.internal.channel.Frame;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.FrameWriter;
import dev.processpool.internal.channel.UntrustedPeer;
import dev.processpool.internal.classloading.LoaderRegistry;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.threads.Daemons;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The parent's end of one worker's channel. Its reader thread authenticates the worker (HELLO with the
 * token it was started with), starts it, then takes its results, resource requests and output until the
 * channel closes, which is how the pool learns at once that a worker has died.
 *
 * <p>Fields other than the channel are guarded by the {@link PoolCore}'s monitor.
 */
final class WorkerConnection {
    private static final System.Logger LOG = System.getLogger("dev.processpool.worker");

    private final FrameChannel channel;
    private final PoolCore core;
    private volatile StartedWorker process;

    /** Chunks given to the worker, in order: the first is running, the others wait in its channel. */
    final Deque<Chunk> inFlight = new ArrayDeque<>();
    /** Chunks given and not yet written, in order; written by {@link #sendQueued()}, outside the pool's lock. */
    final java.util.Queue<Chunk> toSend = new java.util.concurrent.ConcurrentLinkedQueue<>();
    int tasksDone;
    /** When it connected to the pool (System.nanoTime), for its age. */
    long connectedNanos;
    /** When the chunk at the head of {@link #inFlight} began running, as far as the parent can tell. */
    long runningSince;
    /** Takes no more chunks and is told to exit once those it holds are done (resize down, recycle). */
    boolean draining;
    /** Told to exit (SHUTDOWN sent); its end is no death. */
    boolean retiring;
    /** READY received: its initializer ran. */
    boolean ready;
    /** The chunk asked back from it (REVOKE sent, no answer yet), or null. */
    Chunk revoking;
    /** What it told of the item it runs, and whether the pool is stopping it. */
    final RunningItem item = new RunningItem();

    WorkerConnection(FrameChannel channel, PoolCore core) {
        this.channel = channel;
        this.core = core;
    }

    void startReading() {
        Daemons.start("processpool-worker-reader", this::readLoop);
    }

    StartedWorker process() {
        return process;
    }

    long pid() {
        StartedWorker p = process;
        return p == null ? -1 : p.pid();
    }

    private void readLoop() {
        boolean connected = false;
        try {
            if (!authenticate()) {
                channel.close();
                return;
            }
            Thread.currentThread().setName("processpool-worker-" + pid() + "-reader");
            channel.send(new FrameWriter(FrameType.START).putString(core.parentClassPath())
                    .putString(core.initializerCode()).putLong(core.timeoutNanos()));
            connected = true;   // from here on it no longer counts as starting, even if a task sent to it fails
            core.workerConnected(this);
            while (true) {
                handle(channel.receive());
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (process != null && e.getMessage() != null && e.getMessage().startsWith(FrameChannel.MALFORMED)) {
                LOG.log(Level.WARNING, "closed the connection of worker pid {0}: {1}", Long.toString(pid()),
                        e.getMessage());
            }
            if (connected) {
                core.connectionLost(this);
            } else if (process != null) {
                core.lostBeforeStart(this);   // gone between HELLO and START: still counted as starting
            }
        }
    }

    /**
     * The first frame must be HELLO with the token of a worker this pool started, small and in time
     * ({@link UntrustedPeer}); anything else is dropped.
     */
    private boolean authenticate() throws IOException {
        Frame hello;
        try (UntrustedPeer.Deadline deadline = UntrustedPeer.dropIfSilent(channel)) {
            hello = UntrustedPeer.receive(channel);
        }
        if (hello.type() != FrameType.HELLO) {
            return false;
        }
        process = core.claim(hello.getString());
        return process != null;
    }

    private void handle(Frame frame) throws IOException {
        switch (frame.type()) {
            case READY -> core.workerReady(this);
            case PROGRESS -> {
                long chunkId = frame.getLong();
                int from = frame.getInt();
                int to = frame.getInt();
                byte[] results = frame.getBytes();
                List<ItemFailure> failures = ItemFailure.fromJson(frame.getString());
                core.progress(this, chunkId, from, to, results, failures, frame.getInt(), frame.getLong(),
                        frame.getBoolean());
            }
            case CANCELLED -> core.cancelledInWorker(this, frame.getLong());
            case START_FAILED -> core.initializerFailed(this, RemoteFailure.fromJson(frame.getString()));
            case RESULT -> {
                long chunkId = frame.getLong();
                byte[] results = frame.getBytes();
                String failures = frame.getString();
                boolean leaving = frame.getBoolean();
                core.chunkFinished(this, chunkId, results, ItemFailure.fromJson(failures), leaving);
            }
            case REVOKED -> core.revoked(this, frame.getLong(), frame.getBoolean());
            case RESOURCE_REQUEST -> {
                core.heard(this);
                long request = frame.getLong();
                byte[] bytes = LoaderRegistry.INSTANCE.resource(frame.getInt(), frame.getString());
                channel.send(new FrameWriter(FrameType.RESOURCE).putLong(request).putBoolean(bytes != null)
                        .putBytes(bytes == null ? new byte[0] : bytes));
            }
            case OUTPUT -> {
                core.heard(this);
                int stream = frame.getInt();
                String text = frame.getString().stripTrailing();
                LOG.log(stream == 2 ? Level.WARNING : Level.INFO, "[worker {0} {1}] {2}",
                        Long.toString(pid()), stream == 2 ? "err" : "out", text);
            }
            default -> throw new IOException("unexpected frame " + frame.type() + " from worker " + pid());
        }
    }

    /**
     * Writes the chunks given to this worker, in the order given, whichever thread calls first. A failure shows
     * as the channel closing, handled by the reader.
     */
    synchronized void sendQueued() {
        for (Chunk chunk = toSend.poll(); chunk != null; chunk = toSend.poll()) {
            try {
                channel.send(new FrameWriter(FrameType.TASK).putLong(chunk.id).putString(chunk.task.code())
                        .putBytes(chunk.inputs).putInt(chunk.start));
            } catch (IOException e) {
                channel.close();
            }
        }
    }

    /** Asks the worker to give {@code chunk} back if it has not started it. */
    void revoke(Chunk chunk) {
        try {
            channel.send(new FrameWriter(FrameType.REVOKE).putLong(chunk.id));
        } catch (IOException e) {
            channel.close();
        }
    }

    /** Tells the worker that {@code chunk}'s caller gave up on it: dropped if it waits, interrupted if it runs. */
    void cancel(Chunk chunk) {
        try {
            channel.send(new FrameWriter(FrameType.CANCEL).putLong(chunk.id));
        } catch (IOException e) {
            channel.close();
        }
    }

    void shutdown() {
        try {
            channel.send(new FrameWriter(FrameType.SHUTDOWN));
        } catch (IOException e) {
            channel.close();
        }
    }

    void close() {
        channel.close();
    }
}
