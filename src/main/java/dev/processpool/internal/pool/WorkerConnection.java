package dev.processpool.internal.pool;

import dev.processpool.internal.channel.Frame;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.UntrustedPeer;
import dev.processpool.internal.channel.WorkerFrames;
import dev.processpool.internal.classloading.LoaderRegistry;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.threads.Daemons;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * The parent's end of one worker's channel. Its reader thread authenticates the worker (HELLO with the
 * token it was started with), starts it, then takes its results, resource requests and output until the
 * channel closes, which is how the pool learns at once that a worker has died.
 *
 * <p>Only the channel's end: what the pool knows of the worker is its {@link Worker}.
 */
final class WorkerConnection {
    private static final System.Logger LOG = System.getLogger("dev.processpool.worker");

    private final FrameChannel channel;
    private final PoolCore core;
    private volatile StartedWorker process;

    /** Chunks given and not yet written, in order; written by {@link #sendQueued()}, outside the pool's lock. */
    final java.util.Queue<Chunk> toSend = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The pool's record of this worker, its state and the chunks it holds. */
    final Worker worker = new Worker(this);

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
            channel.send(new WorkerFrames.Start(core.parentClassPath(), core.initializerCode(),
                    core.items().timeoutNanos()).write());
            connected = true;   // from here on it no longer counts as starting, even if a task sent to it fails
            core.workers().connected(worker);
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
                core.workers().connectionLost(worker);
            } else if (process != null) {
                core.workers().lostBeforeStart(this);   // gone between HELLO and START: still counted as starting
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
        process = core.workers().claim(WorkerFrames.Hello.read(hello).token());
        return process != null;
    }

    private void handle(Frame frame) throws IOException {
        switch (frame.type()) {
            case READY -> core.workers().ready(worker);
            case PROGRESS -> {
                WorkerFrames.Progress p = WorkerFrames.Progress.read(frame);
                core.items().progress(worker, p.chunkId(), new RunningItems.ItemRange(p.from(), p.to(), p.results(),
                        ItemFailure.fromJson(p.failuresJson())), p.running(), p.runningNanos(), p.timedOut());
            }
            case CANCELLED -> core.items().cancelledInWorker(worker, WorkerFrames.Cancelled.read(frame).chunkId());
            case START_FAILED -> core.workers().initializerFailed(worker,
                    RemoteFailure.fromJson(WorkerFrames.StartFailed.read(frame).failureJson()));
            case RESULT -> {
                WorkerFrames.Result r = WorkerFrames.Result.read(frame);
                core.workers().chunkFinished(worker, r.chunkId(), r.results(), ItemFailure.fromJson(r.failuresJson()),
                        r.leaving());
            }
            case REVOKED -> {
                WorkerFrames.Revoked r = WorkerFrames.Revoked.read(frame);
                core.dispatcher().revoked(worker, r.chunkId(), r.givenBack());
            }
            case RESOURCE_REQUEST -> {
                core.items().heard(worker);
                WorkerFrames.ResourceRequest request = WorkerFrames.ResourceRequest.read(frame);
                byte[] bytes = LoaderRegistry.INSTANCE.resource(request.loaderId(), request.name());
                channel.send(new WorkerFrames.Resource(request.requestId(), bytes).write());
            }
            case OUTPUT -> {
                core.items().heard(worker);
                WorkerFrames.Output output = WorkerFrames.Output.read(frame);
                boolean err = output.stream() == WorkerFrames.Output.STDERR;
                LOG.log(err ? Level.WARNING : Level.INFO, "[worker {0} {1}] {2}",
                        Long.toString(pid()), err ? "err" : "out", output.text().stripTrailing());
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
                channel.send(new WorkerFrames.Task(chunk.id, chunk.task.code(), chunk.inputs, chunk.start).write());
            } catch (IOException e) {
                channel.close();
            }
        }
    }

    /** Asks the worker to give {@code chunk} back if it has not started it. */
    void revoke(Chunk chunk) {
        try {
            channel.send(new WorkerFrames.Revoke(chunk.id).write());
        } catch (IOException e) {
            channel.close();
        }
    }

    /** Tells the worker that {@code chunk}'s caller gave up on it: dropped if it waits, interrupted if it runs. */
    void cancel(Chunk chunk) {
        try {
            channel.send(new WorkerFrames.Cancel(chunk.id).write());
        } catch (IOException e) {
            channel.close();
        }
    }

    void shutdown() {
        try {
            channel.send(new WorkerFrames.Shutdown().write());
        } catch (IOException e) {
            channel.close();
        }
    }

    void close() {
        channel.close();
    }
}
