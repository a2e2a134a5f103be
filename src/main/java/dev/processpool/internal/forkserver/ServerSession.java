package dev.processpool.internal.forkserver;

import dev.processpool.internal.channel.Frame;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.FrameWriter;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** In the forkserver: serves the requests of its (authenticated) pool JVM until it disconnects. */
final class ServerSession {
    private final FrameChannel channel;
    private final Map<String, Reserve> reserves;
    private final ExecutorService refiller;

    ServerSession(FrameChannel channel, Map<String, Reserve> reserves, ExecutorService refiller) {
        this.channel = channel;
        this.reserves = reserves;
        this.refiller = refiller;
    }

    /** Returns when the pool's JVM has closed the connection. */
    void serve() throws IOException {
        while (true) {
            Frame request = channel.receive();
            if (request.type() != FrameType.SPAWN_REQUEST) {
                throw new IOException("unexpected frame " + request.type());
            }
            long id = request.getLong();
            WorkerRecipe recipe = WorkerRecipe.fromJson(request.getString());
            String socketPath = request.getString();
            String token = request.getString();
            try {
                handOut(id, recipe, socketPath, token);
            } catch (IOException | RuntimeException e) {
                send(new FrameWriter(FrameType.SPAWN_FAILED).putLong(id).putString(e.toString()));
            }
        }
    }

    private void handOut(long id, WorkerRecipe recipe, String socketPath, String token) throws IOException {
        Reserve reserve = reserves.computeIfAbsent(recipe.reserveKey(), k -> new Reserve(recipe, refiller));
        ReserveWorker worker = reserve.take(recipe.reserveSize());
        try {
            worker.sendTo(socketPath, token);
        } catch (IOException diedInReserve) {
            worker = reserve.take(recipe.reserveSize());
            worker.sendTo(socketPath, token);
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
