package dev.processpool.internal.launch;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a worker's JVM itself writes to its standard streams (start-up errors, crash reports; task output
 * travels over the channel instead): logged with the worker's pid, the last lines kept for error messages.
 */
public final class JvmOutput {
    private static final System.Logger LOG = System.getLogger("dev.processpool.worker");
    private static final int TAIL_LINES = 20;

    private final long pid;
    private final Deque<String> tail = new ArrayDeque<>();

    public JvmOutput(long pid) {
        this.pid = pid;
    }

    public void line(String line) {
        LOG.log(Level.WARNING, "[worker {0} jvm] {1}", Long.toString(pid), line);
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    public List<String> tail() {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }
}
