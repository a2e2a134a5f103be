package dev.processpool.internal.forkserver;

import dev.processpool.internal.channel.ForkServerFrames;
import dev.processpool.internal.channel.Frame;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.FrameWriter;
import dev.processpool.internal.workerjvm.WarmUpHints;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/** In the forkserver: serves the requests of its (authenticated) pool JVM until it disconnects. */
final class ServerSession {
    private final FrameChannel channel;
    private final Map<String, Reserve> reserves;
    private final ScheduledExecutorService refiller;

    ServerSession(FrameChannel channel, Map<String, Reserve> reserves, ScheduledExecutorService refiller) {
        this.channel = channel;
        this.reserves = reserves;
        this.refiller = refiller;
    }

    /** Whether the worker took its pool's socket and token: not if it has exited (its standard input is closed). */
    private static boolean handedTo(ReserveWorker worker, String socketPath, String token) {
        try {
            worker.sendTo(socketPath, token);
            return true;
        } catch (IOException exited) {
            return false;
        }
    }

    /** Returns when the pool's JVM has closed the connection. */
    void serve() throws IOException {
        while (true) {
            Frame request = channel.receive();
            if (request.type() != FrameType.SPAWN_REQUEST) {
                throw new IOException("unexpected frame " + request.type());
            }
            ForkServerFrames.SpawnRequest spawn = ForkServerFrames.SpawnRequest.read(request);
            try {
                handOut(spawn);
            } catch (IOException | RuntimeException e) {
                send(new ForkServerFrames.SpawnFailed(spawn.id(), e.toString()).write());
            }
        }
    }

    private void handOut(ForkServerFrames.SpawnRequest request) throws IOException {
        String recipe = request.recipe();
        int reserveSize = request.reserveSize();
        WarmUpHints hints = WarmUpHints.of(request.hintsLine());
        String socketPath = request.socketPath();
        String token = request.token();
        Reserve reserve = reserves.computeIfAbsent(recipe, json -> new Reserve(WorkerRecipe.fromJson(json), refiller));
        ReserveWorker worker = reserve.take(reserveSize, hints);
        if (!handedTo(worker, socketPath, token)) {
            // It died in reserve: another. Should that one not take its pool either (a recipe whose JVM exits at
            // once), it is handed out all the same: its pool then sees it exit before connecting, with what it said.
            worker = reserve.take(reserveSize, hints);
            handedTo(worker, socketPath, token);
        }
        long pid = worker.pid();
        send(new ForkServerFrames.Spawned(request.id(), pid).write());
        worker.forwardOutput(line -> send(new ForkServerFrames.WorkerOutput(pid, line).write()));
        worker.onExit().thenAccept(status -> send(new ForkServerFrames.WorkerExited(pid, status).write()));
    }

    private void send(FrameWriter frame) {
        try {
            channel.send(frame);
        } catch (IOException e) {
            channel.close();
        }
    }
}
