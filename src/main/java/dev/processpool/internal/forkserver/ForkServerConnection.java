package dev.processpool.internal.forkserver;

import dev.processpool.PoolOptions;
import dev.processpool.WorkerDiedException;
import dev.processpool.internal.channel.ForkServerFrames;
import dev.processpool.internal.channel.Frame;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.launch.WorkerCommand;
import dev.processpool.internal.launch.WorkerRequest;
import dev.processpool.internal.threads.Daemons;
import dev.processpool.internal.workerjvm.WarmUpHints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In the pool's JVM: one running forkserver and the authenticated connection to it. Requests and answers
 * are matched by id; a reader thread takes the answers and the reports on handed-out workers. When the
 * server dies, pending requests fail and the connection is dead: the client starts a new server.
 */
final class ForkServerConnection {
    private static final System.Logger LOG = System.getLogger("dev.processpool.forkserver");
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long REQUEST_TIMEOUT_SECONDS = 60;
    private static final long STOP_WAIT_SECONDS = 5;

    private final Process server;
    /** Held open: its end is how the server learns that this JVM is gone. */
    private final OutputStream serverStdin;
    private final FrameChannel channel;
    private final Path socket;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<Long, CompletableFuture<ForkedWorker>> requests = new ConcurrentHashMap<>();
    private final Map<Long, ForkedWorker> workers = new ConcurrentHashMap<>();
    private volatile boolean alive = true;

    private ForkServerConnection(Process server, OutputStream serverStdin, FrameChannel channel, Path socket) {
        this.server = server;
        this.socket = socket;
        this.serverStdin = serverStdin;
        this.channel = channel;
        Daemons.start("processpool-forkserver-" + server.pid() + "-reader", this::readLoop);
    }

    /** Starts a server and connects to it. */
    static ForkServerConnection start() throws IOException {
        byte[] key = Handshake.randomKey();
        List<String> command = WorkerCommand.commandLine(PoolOptions.defaults(), List.of("-Xmx64m"),
                ForkServerMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        WorkerCommand.environment(PoolOptions.defaults(), builder.environment());
        Process server = builder.start();
        Handshake.warmUpInBackground();   // while the server starts
        try {
            OutputStream stdin = server.getOutputStream();
            stdin.write((java.util.HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Path socket = awaitListening(server, out);
            drainInBackground(server, out);
            FrameChannel channel = FrameChannel.connect(socket);
            Handshake.asClient(channel, key);
            return new ForkServerConnection(server, stdin, channel, socket);
        } catch (IOException | RuntimeException e) {
            server.destroyForcibly();
            throw e;
        }
    }

    private static Path awaitListening(Process server, BufferedReader out) throws IOException {
        // A thread of its own, not the common pool, which a caller may be blocking (see Daemons.exitOf).
        CompletableFuture<String> line = new CompletableFuture<>();
        Daemons.start("processpool-forkserver-" + server.pid() + "-start", () -> {
            try {
                line.complete(out.readLine());
            } catch (IOException e) {
                line.complete(null);
            }
        });
        String first;
        try {
            first = line.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the forkserver", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the forkserver did not start within " + START_TIMEOUT_SECONDS + " s", e);
        }
        if (first == null || !first.startsWith(ForkServerMain.LISTENING)) {
            throw new IOException("the forkserver did not start: " + first);
        }
        return Path.of(first.substring(ForkServerMain.LISTENING.length()));
    }

    private static void drainInBackground(Process server, BufferedReader out) {
        Daemons.start("processpool-forkserver-" + server.pid() + "-output", () -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    LOG.log(Level.WARNING, "[forkserver {0}] {1}", Long.toString(server.pid()), line);
                }
            } catch (IOException ignored) {
                // the server exited
            }
        });
    }

    /** Closing our end tells the server we are done: it stops its reserve and exits. */
    void close() {
        alive = false;
        channel.close();
        try {
            serverStdin.close();
        } catch (IOException ignored) {
            // the server is gone already
        }
        try {
            if (!server.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    boolean isAlive() {
        return alive && server.isAlive();
    }

    long serverPid() {
        return server.pid();
    }

    Path socket() {
        return socket;
    }

    /** Asks for one worker per request, all at once, then waits for the answers; all or none. */
    List<StartedWorker> spawn(String recipe, int reserveSize, WarmUpHints hints, List<WorkerRequest> workers)
            throws IOException {
        Map<Long, CompletableFuture<ForkedWorker>> answers = new LinkedHashMap<>();
        List<StartedWorker> started = new ArrayList<>();
        try {
            for (WorkerRequest worker : workers) {
                long id = requestIds.incrementAndGet();
                CompletableFuture<ForkedWorker> answer = new CompletableFuture<>();
                requests.put(id, answer);
                answers.put(id, answer);
                channel.send(new ForkServerFrames.SpawnRequest(id, recipe, reserveSize, hints.line(),
                        worker.socketPath().toString(), worker.token()).write());
            }
            for (CompletableFuture<ForkedWorker> answer : answers.values()) {
                started.add(await(answer));
            }
            return started;
        } catch (IOException | RuntimeException e) {
            started.forEach(StartedWorker::kill);
            answers.values().forEach(answer -> answer.thenAccept(ForkedWorker::kill));
            throw e;
        } finally {
            answers.keySet().forEach(requests::remove);
        }
    }

    private static ForkedWorker await(CompletableFuture<ForkedWorker> answer) throws IOException {
        try {
            return answer.get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a worker from the forkserver", e);
        } catch (ExecutionException e) {
            throw new IOException("the forkserver gave no worker: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the forkserver gave no worker within " + REQUEST_TIMEOUT_SECONDS + " s", e);
        }
    }

    private void readLoop() {
        try {
            while (true) {
                handle(channel.receive());
            }
        } catch (IOException | RuntimeException e) {
            serverGone();
        }
    }

    private void handle(Frame frame) throws IOException {
        switch (frame.type()) {
            case SPAWNED -> {
                ForkServerFrames.Spawned spawned = ForkServerFrames.Spawned.read(frame);
                CompletableFuture<ForkedWorker> answer = requests.get(spawned.id());
                ForkedWorker worker = new ForkedWorker(spawned.pid());
                workers.put(worker.pid(), worker);
                if (answer == null || !answer.complete(worker)) {
                    worker.kill();   // nobody waits for it any more
                }
            }
            case SPAWN_FAILED -> {
                ForkServerFrames.SpawnFailed failed = ForkServerFrames.SpawnFailed.read(frame);
                CompletableFuture<ForkedWorker> answer = requests.get(failed.id());
                if (answer != null) {
                    answer.completeExceptionally(new IOException(failed.reason()));
                }
            }
            case WORKER_OUTPUT -> {
                ForkServerFrames.WorkerOutput output = ForkServerFrames.WorkerOutput.read(frame);
                ForkedWorker worker = workers.get(output.pid());
                if (worker != null) {
                    worker.output(output.line());
                }
            }
            case WORKER_EXITED -> {
                ForkServerFrames.WorkerExited exited = ForkServerFrames.WorkerExited.read(frame);
                ForkedWorker worker = workers.remove(exited.pid());
                if (worker != null) {
                    worker.exited(exited.status());
                }
            }
            default -> throw new IOException("unexpected frame from the forkserver: " + frame.type());
        }
    }

    /** Without the server, a worker's exit is seen on its process handle, its status unknown. */
    private void serverGone() {
        boolean unexpected = alive;
        alive = false;
        channel.close();
        if (unexpected) {
            LOG.log(Level.WARNING, "the forkserver pid {0} is gone; the next worker request starts a new one",
                    Long.toString(server.pid()));
            // A server that was killed could not remove its socket.
            server.onExit().thenRun(() -> PrivateSocket.removeOrphan(socket));
        }
        IOException gone = new IOException("the forkserver pid " + server.pid() + " exited");
        requests.values().forEach(answer -> answer.completeExceptionally(gone));
        for (ForkedWorker worker : workers.values()) {
            ProcessHandle.of(worker.pid()).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> worker.exited(WorkerDiedException.UNKNOWN_EXIT_STATUS)),
                    () -> worker.exited(WorkerDiedException.UNKNOWN_EXIT_STATUS));
        }
        workers.clear();
        try {
            serverStdin.close();
        } catch (IOException ignored) {
            // already closed with the server
        }
    }
}
