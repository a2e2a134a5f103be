package dev.processpool.internal.worker;

import dev.processpool.ProcessFunction;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.classloading.LoaderRegistry;
import dev.processpool.internal.codec.EncodedTask;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.codec.TaskEncoder;
import dev.processpool.internal.threads.Daemons;
import java.util.List;

/**
 * A reserve worker's warm-up while it waits to be handed out: loads the classes to preload, runs the Unix
 * domain socket and frame code ({@link FrameChannel#warmUp}, which leaves no file behind), then the whole path
 * of a task (rebuilding a lambda, reading inputs, writing results), and JSON-B last, so its first real task
 * does not pay for any of it. When done it says {@value #WARM} on its standard output. Asked for by the system
 * property {@value #PROPERTY}: a comma-separated list of further classes to load ({@code "-"} for none).
 */
final class Warmup {
    static final String PROPERTY = WorkerMain.PRELOAD_PROPERTY;
    /** The line a reserve worker prints when it is warm; its forkserver hands out warm workers first. */
    public static final String WARM = "processpool-worker-warm";
    private static final int ROUNDS = 20;


    private static final Warmup NONE = new Warmup();
    private volatile boolean stopped;
    /** The JVM's own standard output, taken before a pool may redirect {@code System.out} to its channel. */
    private final java.io.PrintStream jvmOut = System.out;

    /** Starts the warm-up if this worker is a reserve worker; {@link #stop()} ends it early. */
    static Warmup startIfAsked() {
        String classes = System.getProperty(PROPERTY);
        if (classes == null) {
            return NONE;
        }
        Warmup warmup = new Warmup();
        Daemons.start("processpool-warm-up", () -> warmup.run(classes));
        return warmup;
    }

    /** Runs the whole warm-up on this thread, with no classes to preload beyond the library's and JSON-B's. */
    static void runToEnd() {
        new Warmup().run("-");
    }

    /**
     * Stops the warm-up at its next step. The worker does not wait for it: a step under way (loading JSON-B,
     * say) would hold up a first task that may not need it; one that does waits for that class anyway.
     */
    void stop() {
        stopped = true;
    }

    private void run(String classes) {
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
        for (Class<?> type : new Class<?>[] {ParentLink.class, ChannelOutputStream.class, TaskRunner.Results.class}) {
            type.getName();   // referencing the class loads it
        }
        FrameChannel.warmUp(ROUNDS);
        runTasks();
        if (!stopped) {
            // JSON-B last, the costliest step: its first use takes a few hundred ms of CPU
            ItemFailure.fromJson(ItemFailure.toJson(List.of(new ItemFailure(0, RemoteFailure.of(new Exception("warm"))))));
        }
        if (!stopped) {
            System.gc();   // the warm-up's garbage need not stay in the idle worker's memory
            jvmOut.println(WARM);
            jvmOut.flush();
        }
    }

    private void runTasks() {
        int offset = 1;
        ProcessFunction<Integer, Integer> function = x -> x + offset;
        EncodedTask task = new TaskEncoder(LoaderRegistry.INSTANCE::idOf).encode(function);
        TaskRunner runner = new TaskRunner((loader, name) -> null, "");
        List<Integer> inputs = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        for (int i = 0; i < ROUNDS && !stopped; i++) {
            TaskRunner.Results results = runner.run(task.code(), task.encodeInputs(inputs, "warm-up inputs"));
            task.decodeResults(results.json(), (error, index) -> { });
        }
    }
}
