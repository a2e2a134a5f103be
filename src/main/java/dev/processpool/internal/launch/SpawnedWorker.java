package dev.processpool.internal.launch;

import dev.processpool.internal.threads.Daemons;
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
    /** A dead JVM's last lines reach the drain within this, unless a grandchild holds the pipe: seen over 500 ms at load. */
    private static final long OUTPUT_WAIT_MILLIS = 2000;

    private final Process process;
    private final JvmOutput output;
    private final CompletableFuture<Integer> exit;
    private final CompletableFuture<Void> drained;

    SpawnedWorker(Process process) {
        this.process = process;
        this.output = new JvmOutput(process.pid());
        this.exit = Daemons.exitOf("processpool-worker-" + process.pid() + "-exit", process);
        this.drained = Daemons.drain("processpool-worker-" + process.pid() + "-output", process.getInputStream(),
                output::line);
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
        return output.tail();
    }
}
