package dev.processpool.internal.forkserver;

import dev.processpool.internal.launch.StartedWorker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * In the pool's JVM: a worker that a forkserver handed out. It is the server's child, so the server reports
 * its output and exit status; if the server is gone, the exit is noticed through the process handle.
 */
final class ForkedWorker implements StartedWorker {
    private static final System.Logger LOG = System.getLogger("dev.processpool.worker");
    private static final int TAIL_LINES = 20;

    private final long pid;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();

    ForkedWorker(long pid) {
        this.pid = pid;
    }

    void output(String line) {
        LOG.log(System.Logger.Level.WARNING, "[worker {0} jvm] {1}", Long.toString(pid), line);
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
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
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }
}
