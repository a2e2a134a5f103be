package dev.processpool.internal.worker;

import dev.processpool.ProcessFunction;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.SendQueue;
import dev.processpool.internal.classloading.LoaderRegistry;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.JsonbUse;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.codec.TaskEncoder;
import dev.processpool.internal.codec.ValueCodec;
import dev.processpool.internal.threads.Daemons;
import dev.processpool.internal.workerjvm.WarmUpHints;
import dev.processpool.internal.workerjvm.WorkerJvm;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A reserve worker's warm-up while it waits to be handed out: loads the classes to preload, builds the class
 * loader of its future pool's class path and loads the task classes seen there ({@link WarmUpHints}), runs the
 * Unix domain socket and frame code ({@link FrameChannel#warmUp}, which leaves no file behind), then the whole
 * path of a task (rebuilding a lambda, reading inputs, writing results), so its first real task does not pay for
 * any of it; then it says {@value #WARM} on its standard output. JSON-B, the costliest step (a few hundred ms of
 * CPU), comes only if the parent has needed it ({@link WarmUpHints#jsonb()}), and only once the worker has
 * waited {@value #JSONB_AFTER_IDLE_MILLIS} ms without being handed out: when pools take workers as fast as they
 * start ({@code maxTasksPerChild}), a step their plain tasks never need would only take the CPU from the
 * workers starting, and from the pool that just took its workers. Asked for by the system property {@value #PROPERTY}: a
 * comma-separated list of further classes to load ({@code "-"} for none).
 */
public final class Warmup {
    static final String PROPERTY = WorkerJvm.PRELOAD_PROPERTY;
    static final String WARM = WorkerJvm.WARM_LINE;
    private static final int ROUNDS = 20;
    static final long JSONB_AFTER_IDLE_MILLIS = 500;

    private static final Warmup NONE = new Warmup();
    private volatile boolean stopped;
    private final CountDownLatch handedOut = new CountDownLatch(1);
    /** The JVM's own standard output, taken before a pool may redirect {@code System.out} to its channel. */
    private final PrintStream jvmOut = System.out;

    /** Starts the warm-up if this worker is a reserve worker; {@link #stop()} ends it early. */
    static Warmup startIfAsked(WarmUpHints hints) {
        String classes = System.getProperty(PROPERTY);
        if (classes == null) {
            return NONE;
        }
        Warmup warmup = new Warmup();
        Daemons.start("processpool-warm-up", () -> warmup.run(classes, hints, hints.jsonb(), JSONB_AFTER_IDLE_MILLIS));
        return warmup;
    }

    /** No warm-up: {@link #stop()} does nothing. */
    static Warmup none() {
        return NONE;
    }

    /** Runs the whole warm-up on this thread at once, with no classes to preload but hinted ones. */
    static void runToEnd(WarmUpHints hints, boolean warmJsonb) {
        new Warmup().run("-", hints, warmJsonb, 0);
    }

    /**
     * Stops the warm-up at its next step. The worker does not wait for it: a step under way (loading JSON-B,
     * say) would hold up a first task that may not need it; one that does waits for that class anyway.
     */
    void stop() {
        stopped = true;
        handedOut.countDown();
    }

    private void run(String classes, WarmUpHints hints, boolean warmJsonb, long jsonbAfterIdleMillis) {
        for (String name : classes.split(",")) {
            if (!name.isBlank() && !"-".equals(name)) {
                try {
                    Class.forName(name.trim());
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class to preload that is not there only costs its preloading
                }
            }
        }
        ProcessHandle.current().pid();
        for (Class<?> type : new Class<?>[] {ParentLink.class, SendQueue.class, ChannelOutputStream.class,
                TaskRunner.Results.class}) {
            type.getName();   // referencing the class loads it
        }
        warmHandoutPath();
        loadTaskClasses(hints);
        FrameChannel.warmUp(ROUNDS);
        runTasks(hints);
        if (stopped) {
            return;
        }
        jvmOut.println(WARM);
        jvmOut.flush();
        if (warmJsonb && idleFor(jsonbAfterIdleMillis)) {
            JsonbUse.warmUp();
        }
    }

    /** Whether the worker was not handed out for {@code millis} (at once for 0). */
    private boolean idleFor(long millis) {
        try {
            return !handedOut.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * What a worker uses from its handout on, short of its socket: its inbox and its futures (whose class starts
     * the common fork-join pool). Run here they are also in the class-data archive, which is made from this
     * warm-up, instead of read from the JDK's modules when a pool is waiting.
     */
    private static void warmHandoutPath() {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        inbox.add(inbox);
        inbox.poll();
        CompletableFuture<Object> answer = new CompletableFuture<>();
        answer.complete(inbox);
        answer.getNow(null);
    }

    /** Loaded, not initialised: their static initialisers run when a task first uses them, as without us. */
    private void loadTaskClasses(WarmUpHints hints) {
        ClassLoader loader = ClassPathLoader.prepare(hints.classPath());
        for (String name : hints.taskClasses()) {
            if (stopped) {
                return;
            }
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that moved or went: only its preloading is lost
            }
        }
    }

    /**
     * The task path as a worker runs it: rebuilding a capturing lambda, reading inputs, writing results and a
     * failure. The
     * task's wire form comes with the hints, from the parent that has its encoder warm already: encoding one
     * here would load the whole encoder (about 100 ms of CPU) that a worker never needs.
     */
    private void runTasks(WarmUpHints hints) {
        String code = hints.taskCode().isEmpty() ? encodedTask() : hints.taskCode();
        TaskRunner runner = new TaskRunner((loader, name) -> null, "");
        byte[] inputs = new ValueCodec(Integer.class).encode(List.of(1, 2, 3, 4, 5, 6, 7, 8));   // in binary, as sent
        ItemWatch watch = ItemWatch.idle();
        for (int i = 0; i < ROUNDS && !stopped; i++) {
            try {
                runner.run(i, code, inputs, 0, watch);
            } catch (java.io.IOException unreachable) {
                throw new java.io.UncheckedIOException(unreachable);   // an idle watch sends nothing
            }
        }
        ItemFailure.toJson(List.of(new ItemFailure(0, RemoteFailure.of(new IllegalStateException("warm")))));
    }

    /** The wire form of the warm-up's task, a lambda capturing an int. */
    public static String encodedTask() {
        int offset = 1;
        ProcessFunction<Integer, Integer> function = x -> x + offset;
        return new TaskEncoder(LoaderRegistry.INSTANCE::idOf).encode(function).code();
    }
}
