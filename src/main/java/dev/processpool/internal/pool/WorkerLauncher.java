package dev.processpool.internal.pool;

import dev.processpool.PoolOptions;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.launch.WorkerRequest;
import dev.processpool.internal.launch.WorkerStarter;
import dev.processpool.internal.threads.Daemons;
import dev.processpool.internal.threads.Timers;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a pool's workers and accepts their connections. Each worker gets a random token; a connection is
 * accepted only with the token of a worker started here and not yet connected. A worker that exits before it
 * connects, or does not connect within {@link #CONNECT_TIMEOUT_SECONDS}, is a start failure.
 */
final class WorkerLauncher {
    static final long CONNECT_TIMEOUT_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the pool hears from the launcher. */
    interface Events {
        void launched(StartedWorker worker);

        void startFailed(String reason);

        void accepted(FrameChannel channel);
    }

    private final WorkerStarter starter;
    private final PrivateSocket socket;
    private final PoolOptions options;
    private final Events events;
    private final Map<String, CompletableFuture<StartedWorker>> pending = new ConcurrentHashMap<>();

    WorkerLauncher(WorkerStarter starter, PrivateSocket socket, PoolOptions options, Events events) {
        this.starter = starter;
        this.socket = socket;
        this.options = options;
        this.events = events;
        Daemons.start("processpool-acceptor-" + socket.directory().getFileName(), this::acceptLoop);
    }

    private void acceptLoop() {
        try {
            while (true) {
                events.accepted(socket.accept());
            }
        } catch (IOException closed) {
            // the pool closed its socket: no more workers
        }
    }

    /** Starts worker processes, all or none; they connect later. */
    void launch(int count) throws IOException {
        List<WorkerRequest> requests = new ArrayList<>();
        List<CompletableFuture<StartedWorker>> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String token = HexFormat.of().formatHex(randomBytes());
            CompletableFuture<StartedWorker> slot = new CompletableFuture<>();
            pending.put(token, slot);
            slots.add(slot);
            requests.add(new WorkerRequest(socket.path(), token, options));
        }
        List<StartedWorker> workers;
        try {
            workers = starter.startAll(requests);
        } catch (IOException | RuntimeException e) {
            requests.forEach(request -> pending.remove(request.token()));
            throw e;
        }
        for (int i = 0; i < count; i++) {
            slots.get(i).complete(workers.get(i));
            watch(requests.get(i).token(), workers.get(i));
        }
    }

    private void watch(String token, StartedWorker worker) {
        events.launched(worker);
        // The timer outlives a pool closed meanwhile: it must hold the pending tokens, not the launcher and its pool.
        Map<String, CompletableFuture<StartedWorker>> stillPending = pending;
        ScheduledFuture<?> connectTimeout = Timers.after(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> {
            if (stillPending.containsKey(token)) {
                worker.kill();
            }
        });
        worker.onExit().thenAccept(status -> {
            connectTimeout.cancel(false);
            if (pending.remove(token) != null) {
                events.startFailed(WorkerExits.of(worker, status, "before it connected"));
            }
        });
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The worker started with this token, once; null for an unknown or used token. */
    StartedWorker claim(String token) {
        CompletableFuture<StartedWorker> slot = pending.remove(token);
        if (slot == null) {
            return null;
        }
        try {
            return slot.get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Kills the workers that have not connected yet. */
    void killPending() {
        pending.values().forEach(slot -> slot.thenAccept(StartedWorker::kill));
    }
}
