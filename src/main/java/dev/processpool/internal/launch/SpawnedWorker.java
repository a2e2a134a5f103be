package dev.processpool.internal.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A worker JVM that is our child process. A thread drains what the JVM itself writes to its standard streams
 * (task output travels over the channel instead) into the log, keeping the last lines for error messages.
 * The exit status comes from the process itself, not the pipe, which a grandchild may still hold open.
 */
final class SpawnedWorker implements StartedWorker {
    private static final System.Logger LOG = System.getLogger("dev.processpool.worker");
    private static final int TAIL_LINES = 20;
    private static final long OUTPUT_WAIT_MILLIS = 500;

    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Integer> exit;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    SpawnedWorker(Process process) {
        this.process = process;
        this.exit = process.onExit().thenApply(Process::exitValue);
        Thread drain = new Thread(this::drain, "processpool-worker-" + process.pid() + "-output");
        drain.setDaemon(true);
        drain.start();
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                LOG.log(Level.WARNING, "[worker {0} jvm] {1}", Long.toString(process.pid()), line);
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
            }
        } catch (IOException ignored) {
            // the pipe closes when the process exits
        }
        drained.complete(null);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    @Override
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public List<String> outputTail() {
        if (exit.isDone()) {
            // The last words of a dead JVM may still be in the pipe: give the drain a moment to read them.
            try {
                drained.get(OUTPUT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // a grandchild holds the pipe: the lines read so far will do
            }
        }
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }
}
