package dev.processpool.internal.forkserver;

import dev.processpool.internal.launch.JvmOutput;
import dev.processpool.internal.launch.StartedWorker;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * In the pool's JVM: a worker that a forkserver handed out. It is the server's child, so the server reports
 * its output and exit status; if the server is gone, the exit is noticed through the process handle.
 */
final class ForkedWorker implements StartedWorker {
    private final long pid;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final JvmOutput output;

    ForkedWorker(long pid) {
        this.pid = pid;
        this.output = new JvmOutput(pid);
    }

    void output(String line) {
        output.line(line);
    }

    void exited(int status) {
        exit.complete(status);
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    @Override
    public void kill() {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Override
    public List<String> outputTail() {
        return output.tail();
    }
}
