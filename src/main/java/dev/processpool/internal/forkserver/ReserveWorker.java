package dev.processpool.internal.forkserver;

import dev.processpool.internal.threads.Daemons;
import dev.processpool.internal.workerjvm.WarmUpHints;
import dev.processpool.internal.workerjvm.WorkerJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * In the forkserver: a worker JVM started ahead, warming up and then waiting on its standard input for the
 * pool it is handed to. Until then its JVM output is kept; once handed out it goes to the pool's JVM.
 */
final class ReserveWorker {
    private final Process process;
    private final List<String> earlyOutput = new ArrayList<>();
    private final CompletableFuture<Void> drained;
    private final CompletableFuture<Integer> exit;
    private Consumer<String> output;
    private volatile boolean warm;

    /**
     * @param hints its first line on standard input, read before its warm-up. A JVM that has already exited
     *     (it refused its options) cannot read them; it is kept all the same, with its output, so that the pool it
     *     is handed to sees it exit with what it said ("Unrecognized VM option ..."), not a closed pipe.
     */
    ReserveWorker(Process process, WarmUpHints hints) {
        this.process = process;
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write((hints.line() + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            process.destroyForcibly();   // exited or about to: it cannot be handed out alive
        }
        this.exit = Daemons.exitOf("forkserver-worker-" + process.pid() + "-exit", process);
        this.drained = Daemons.drain("forkserver-worker-" + process.pid() + "-output", process.getInputStream(),
                this::deliver);
    }


    private synchronized void deliver(String line) {
        if (WorkerJvm.WARM_LINE.equals(line)) {
            warm = true;
        } else if (output == null) {
            earlyOutput.add(line);
        } else {
            output.accept(line);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Whether it has finished its warm-up. */
    boolean isWarm() {
        return warm;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends the worker to its pool: it connects there. */
    void sendTo(String socketPath, String token) throws IOException {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((socketPath + "\t" + token + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Its output, that kept so far included, goes to {@code sink} from now on. */
    void forwardOutput(Consumer<String> sink) {
        synchronized (this) {
            earlyOutput.forEach(sink);
            earlyOutput.clear();
            output = sink;
        }
    }

    /** Completes with the exit status once the worker has exited and all it wrote has been read. */
    CompletableFuture<Integer> onExit() {
        return exit.thenCombine(drained, (status, d) -> status);
    }

    /**
     * Ends the worker with SIGKILL: at once, with no JVM shutdown to wait for, however busy its warm-up keeps it.
     * A reserve worker has nothing to clean up (its warm-up makes no file).
     */
    void kill() {
        process.destroyForcibly();
    }
}
