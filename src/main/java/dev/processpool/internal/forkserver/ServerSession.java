package dev.processpool.internal.forkserver;

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
            long id = request.getLong();
            String recipe = request.getString();
            int reserveSize = request.getInt();
            WarmUpHints hints = WarmUpHints.of(request.getString());
            String socketPath = request.getString();
            String token = request.getString();
            try {
                handOut(id, recipe, reserveSize, hints, socketPath, token);
            } catch (IOException | RuntimeException e) {
                send(new FrameWriter(FrameType.SPAWN_FAILED).putLong(id).putString(e.toString()));
            }
        }
    }

    private void handOut(long id, String recipe, int reserveSize, WarmUpHints hints, String socketPath, String token)
            throws IOException {
        Reserve reserve = reserves.computeIfAbsent(recipe, json -> new Reserve(WorkerRecipe.fromJson(json), refiller));
        ReserveWorker worker = reserve.take(reserveSize, hints);
        if (!handedTo(worker, socketPath, token)) {
            // It died in reserve: another. Should that one not take its pool either (a recipe whose JVM exits at
            // once), it is handed out all the same: its pool then sees it exit before connecting, with what it said.
            worker = reserve.take(reserveSize, hints);
            handedTo(worker, socketPath, token);
        }
        long pid = worker.pid();
        send(new FrameWriter(FrameType.SPAWNED).putLong(id).putLong(pid));
        worker.forwardOutput(line -> send(new FrameWriter(FrameType.WORKER_OUTPUT).putLong(pid).putString(line)));
        worker.onExit().thenAccept(status -> send(new FrameWriter(FrameType.WORKER_EXITED).putLong(pid)
                .putInt(status)));
    }

    private void send(FrameWriter frame) {
        try {
            channel.send(frame);
        } catch (IOException e) {
            channel.close();
        }
    }
}
