package dev.processpool.internal.threads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Daemon threads of the library. None has a context class loader: a thread that inherited a deployment's would keep
 * that deployment's classes reachable for as long as it runs. And none runs forever: each ends when its work is done
 * or after a short idle time, so nothing of an undeployed application stays behind.
 */
public final class Daemons {
    private Daemons() {
    }

    /** Starts {@code task} on a new daemon thread. */
    public static Thread start(String name, Runnable task) {
        Thread thread = newThread(name, task);
        thread.start();
        return thread;
    }

    /**
     * Completes with the exit status of {@code process} once it has exited, from a daemon thread of its own.
     * Not {@link Process#onExit()}: that one completes through the common fork-join pool, which on JDK 21 and later
     * has a single thread on 2 cores, so a caller blocked there (a {@code close()} in {@code supplyAsync}, say)
     * kept every exit from being seen and the pool from ever stopping.
     */
    public static CompletableFuture<Integer> exitOf(String name, Process process) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        start(name, () -> {
            while (true) {
                try {
                    exit.complete(process.waitFor());
                    return;
                } catch (InterruptedException e) {
                    // nobody interrupts this thread on purpose: wait on
                }
            }
        });
        return exit;
    }

    /** A factory of daemon threads, all called {@code name}. */
    public static ThreadFactory factory(String name) {
        return task -> newThread(name, task);
    }

    private static Thread newThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        return thread;
    }

    /**
     * Reads a process's output line by line on a daemon thread, so its pipe never fills and blocks it.
     *
     * @return completes when the output has ended (the process exited, or handed its pipe on)
     */
    public static CompletableFuture<Void> drain(String name, InputStream output, Consumer<String> lines) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        start(name, () -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException ignored) {
                // the pipe closes when the process exits
            }
            ended.complete(null);
        });
        return ended;
    }
}
