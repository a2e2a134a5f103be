package dev.processpool.internal.forkserver;

import dev.processpool.internal.workerjvm.WarmUpHints;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * In the forkserver: the workers kept ready for one recipe. Taking one starts its replacement in the
 * background, so the next request finds one ready as well; a little later, not at once, so that starting JVMs
 * do not take the CPU from the workers just handed out while they start on their first tasks. When requests
 * outrun the reserve (no warm worker was left to take), replacements start at once: waiting would only make
 * the next request wait longer. Except for a new reserve: its first requests start the workers they take, and
 * more JVMs starting beside them on the same cores would only slow the first pool's start.
 */
final class Reserve {
    private final WorkerRecipe recipe;
    static final long REFILL_DELAY_MILLIS = 200;

    private final ScheduledExecutorService refiller;
    private final Deque<ReserveWorker> ready = new ArrayDeque<>();
    private int size;
    private int starting;
    private boolean closed;
    private WarmUpHints hints = WarmUpHints.NONE;
    private long lastTaken = System.nanoTime();
    private final long created = System.nanoTime();

    Reserve(WorkerRecipe recipe, ScheduledExecutorService refiller) {
        this.recipe = recipe;
        this.refiller = refiller;
    }

    /**
     * A warm worker if there is one, else the oldest started one, else a freshly started one.
     *
     * @param hints what the workers started from now on may prepare for the asking JVM's pools
     */
    ReserveWorker take(int wantedSize, WarmUpHints hints) throws IOException {
        ReserveWorker worker;
        boolean outrun;
        synchronized (this) {
            this.hints = hints;
            size = Math.max(size, wantedSize);
            lastTaken = System.nanoTime();
            ready.removeIf(w -> !w.isAlive());
            worker = ready.stream().filter(ReserveWorker::isWarm).findFirst().orElse(ready.peek());
            outrun = (worker == null || !worker.isWarm()) && !isNew();
            ready.remove(worker);
        }
        if (worker == null) {
            worker = start();
        }
        refill(outrun ? 0 : REFILL_DELAY_MILLIS);
        return worker;
    }

    private void refill(long delayMillis) {
        int missing;
        synchronized (this) {
            missing = closed ? 0 : size - ready.size() - starting;
            starting += Math.max(0, missing);
        }
        for (int i = 0; i < missing; i++) {
            refiller.schedule(this::startOneIntoReserve, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void startOneIntoReserve() {
        ReserveWorker worker = null;
        try {
            worker = start();
        } catch (IOException e) {
            System.err.println("forkserver: cannot start a reserve worker: " + e);
        }
        boolean unwanted;
        synchronized (this) {
            starting--;
            unwanted = closed && worker != null;
            if (worker != null && !closed) {
                ready.add(worker);
            }
        }
        if (unwanted) {
            worker.kill();
        }
    }

    private ReserveWorker start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(recipe.command()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(recipe.environment());
        WarmUpHints startHints;
        synchronized (this) {
            startHints = hints;
        }
        return new ReserveWorker(builder.start(), startHints);
    }

    /** Within the first refill delay of its creation: its first pool is still taking its workers. */
    private boolean isNew() {
        return System.nanoTime() - created < TimeUnit.MILLISECONDS.toNanos(REFILL_DELAY_MILLIS);
    }

    /** Whether no worker was taken for this long: then nobody uses the recipe any more. */
    synchronized boolean idleFor(long nanos) {
        return System.nanoTime() - lastTaken > nanos;
    }

    void killAll() {
        List<ReserveWorker> workers;
        synchronized (this) {
            closed = true;
            workers = List.copyOf(ready);
            ready.clear();
        }
        workers.forEach(ReserveWorker::kill);
    }
}
