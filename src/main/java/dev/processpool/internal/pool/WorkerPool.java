package dev.processpool.internal.pool;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessFunction;
import dev.processpool.internal.classloading.LoaderRegistry;
import dev.processpool.internal.codec.EncodedTask;
import dev.processpool.internal.codec.TaskEncoder;
import dev.processpool.internal.launch.TaskClassesSeen;
import dev.processpool.internal.launch.WorkerStarter;
import dev.processpool.internal.management.PoolIdentity;
import dev.processpool.internal.management.PoolRegistration;
import dev.processpool.internal.threads.Daemons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Pool} of the SE engine: checks arguments, encodes the function and inputs in the caller's thread
 * (so what cannot be sent is refused there, before anything is sent), cuts inputs into chunks and hands them
 * to {@link PoolCore}.
 *
 * <p>Futures returned to the caller are completed on the pool's callback threads, never on the threads that
 * read from workers, so a callback that blocks (even on this pool) cannot stall the pool.
 */
public final class WorkerPool implements Pool {
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    /** How many chunks imap reads ahead of its consumer, per worker. */
    private static final int CHUNKS_AHEAD_PER_WORKER = 4;

    private final String startMethod;
    private final PoolOptions options;
    private final TaskEncoder encoder = new TaskEncoder(LoaderRegistry.INSTANCE::idOf);
    private final PoolCore core;
    private final ExecutorService callbacks;
    private final Cleaner.Cleanable unclosed;
    /** Inputs of imap calls not read to the end yet; close() tells them to read no more. */
    private final Set<ChunkFeeder> openFeeders = ConcurrentHashMap.newKeySet();

    private final PoolRegistration registration;

    private WorkerPool(String startMethod, PoolOptions options, PoolCore core, ExecutorService callbacks,
            PoolRegistration registration) {
        this.startMethod = startMethod;
        this.options = options;
        this.core = core;
        this.callbacks = callbacks;
        this.registration = registration;
        this.unclosed = UnclosedPools.register(this, new StopUnclosed(core, callbacks, registration));
    }

    /**
     * A pool dropped while running (Python warns "unclosed running multiprocessing pool"): its workers are
     * stopped when it is garbage-collected, with a warning, so they do not live on until the JVM exits.
     * Holds nothing that refers to the pool itself.
     */
    private record StopUnclosed(PoolCore core, ExecutorService callbacks, PoolRegistration registration)
            implements Runnable {
        @Override
        public void run() {
            if (!core.state().isFinal()) {
                System.getLogger("dev.processpool").log(System.Logger.Level.WARNING, "{0} was garbage-collected"
                        + " while running: its workers are stopped now; close pools when done with them"
                        + " (try-with-resources)", core.name());
                core.terminate();
            }
            core.release();
            callbacks.shutdown();
            registration.close();
        }
    }

    public static WorkerPool start(String startMethod, WorkerStarter starter, PoolOptions options) {
        return start(startMethod, starter, options, PoolIdentity.NONE);
    }

    /**
     * A pool whose workers are starting, registered as an MXBean ({@link PoolRegistration}) until it is closed or
     * terminated; a broken pool stays registered, as BROKEN with its reason, so that administrators see it and can
     * restart it, until its owner closes it.
     *
     * @throws IllegalArgumentException if the initializer cannot be sent
     * @throws UncheckedIOException if a worker cannot be started (those already started are stopped)
     */
    public static WorkerPool start(String startMethod, WorkerStarter starter, PoolOptions options,
            PoolIdentity identity) {
        Objects.requireNonNull(options, "options");
        starter.prepare();
        String baseName = options.name().orElseGet(() -> "pool-" + NUMBERS.incrementAndGet());
        String initializer = options.initializer()
                .map(init -> new TaskEncoder(LoaderRegistry.INSTANCE::idOf).encode(init).code())
                .orElse("");
        PoolCore core;
        PoolRegistration registration;
        try {
            core = new PoolCore(startMethod, starter, options, initializer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the workers of " + baseName + ": " + e.getMessage(), e);
        }
        try {
            registration = PoolRegistration.register(baseName, identity, core.administration());
        } catch (RuntimeException e) {
            core.terminate();
            throw e;
        }
        String name = registration.name() + " (" + startMethod + ")";
        core.name(name);
        core.whenStopped(() -> {   // a failed start terminates the pool, which unregisters it
            if (core.state() != PoolState.BROKEN) {
                registration.close();
            }
        });
        try {
            core.startWorkers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the workers of " + name + ": " + e.getMessage(), e);
        }
        ExecutorService callbacks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
                new SynchronousQueue<>(), Daemons.factory("processpool-" + name + "-callback"));
        return new WorkerPool(startMethod, options, core, callbacks, registration);
    }

    @Override
    public String startMethod() {
        return startMethod;
    }

    /** As configured, or as last resized (JMX). */
    @Override
    public int processes() {
        return core.processes();
    }

    /** The name the pool is registered under in JMX, suffix included. */
    public String name() {
        return registration.name();
    }

    /** Runs {@code onGone} once the pool's MXBean is unregistered, when the pool has gone; at once if it has. */
    public void whenGone(Runnable onGone) {
        registration.whenUnregistered(onGone);
    }

    /** Its figures and live operations, as JMX shows them. */
    public dev.processpool.internal.management.PoolControl control() {
        return core.administration();
    }

    public PoolOptions options() {
        return options;
    }

    /** The Unix domain socket its workers connect to (for tests). */
    public java.nio.file.Path socketPath() {
        return core.socketPath();
    }

    /** Pids of the workers that are ready now (for tests and administration). */
    public List<Long> workerPids() {
        return core.workerPids();
    }

    @Override
    public <T, R> R apply(ProcessFunction<T, R> fn, T input) {
        List<Chunk> chunks = new ArrayList<>(1);
        return await(submitOne(fn, input, chunks), chunks);
    }

    @Override
    public <T, R> CompletableFuture<R> applyAsync(ProcessFunction<T, R> fn, T input) {
        List<Chunk> chunks = new ArrayList<>(1);
        return withdrawnWhenAbandoned(submitOne(fn, input, chunks), chunks);
    }

    private EncodedTask encode(Object fn) {
        EncodedTask task = encoder.encode(fn);
        TaskClassesSeen.record(task.classPathClass());
        return task;
    }

    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> submitOne(ProcessFunction<?, R> fn, Object input, List<Chunk> submitted) {
        core.checkRunning();
        EncodedTask task = encode(fn);
        CompletableFuture<R> result = new CompletableFuture<>();
        ChunkListener listener = (chunk, outcome) -> {
            if (outcome.error(0) != null) {
                result.completeExceptionally(outcome.error(0));
            } else {
                result.complete((R) outcome.result(0));
            }
        };
        byte[] encoded = task.encodeInputs(java.util.Collections.singletonList(input), "the input of apply");
        submitted.add(new Chunk(task, 0, 1, encoded, listener));
        core.submit(submitted);
        return result;
    }

    @Override
    public <T, R> List<R> map(ProcessFunction<T, R> fn, Iterable<? extends T> inputs) {
        List<Chunk> chunks = new ArrayList<>();
        return await(submitMap(fn, inputs, 0, chunks), chunks);
    }

    @Override
    public <T, R> List<R> map(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize) {
        List<Chunk> chunks = new ArrayList<>();
        return await(submitMap(fn, inputs, checkChunksize(chunksize), chunks), chunks);
    }

    @Override
    public <T, R> CompletableFuture<List<R>> mapAsync(ProcessFunction<T, R> fn, Iterable<? extends T> inputs) {
        List<Chunk> chunks = new ArrayList<>();
        return withdrawnWhenAbandoned(submitMap(fn, inputs, 0, chunks), chunks);
    }

    @Override
    public <T, R> CompletableFuture<List<R>> mapAsync(ProcessFunction<T, R> fn, Iterable<? extends T> inputs,
            int chunksize) {
        List<Chunk> chunks = new ArrayList<>();
        return withdrawnWhenAbandoned(submitMap(fn, inputs, checkChunksize(chunksize), chunks), chunks);
    }

    /** @param chunksize 0 for Python's default, {@code ceil(n / (4 * processes))} */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> CompletableFuture<List<R>> submitMap(ProcessFunction<?, R> fn, Iterable<?> inputs, int chunksize,
            List<Chunk> chunks) {
        core.checkRunning();
        EncodedTask task = encode(fn);
        List<?> items = materialize(inputs);
        int size = chunksize > 0 ? chunksize : Math.max(1, ceilDiv(items.size(), 4 * processes()));
        int chunkCount = ceilDiv(items.size(), size);
        MapCollector collector = new MapCollector(items.size(), chunkCount);
        for (int first = 0; first < items.size(); first += size) {
            List<?> part = items.subList(first, Math.min(items.size(), first + size));
            chunks.add(new Chunk(task, first, part.size(), task.encodeInputs(part, "the inputs of map"), collector));
        }
        if (!chunks.isEmpty()) {
            core.submit(chunks);
        }
        return (CompletableFuture) collector.future();
    }

    /**
     * Reads the whole input before anything is sent; an error reading it reaches the caller as it is. A list
     * with random access is used as it is: every chunk is encoded before the call returns.
     */
    private static List<?> materialize(Iterable<?> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs instanceof List<?> list && inputs instanceof RandomAccess) {
            return list;
        }
        if (inputs instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        List<Object> items = new ArrayList<>();
        inputs.forEach(items::add);
        return items;
    }

    @Override
    public <T, R> Iterator<R> imap(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize) {
        int size = checkChunksize(chunksize);
        return startLazy(fn, inputs, size, new OrderedResults<>(itemsAhead(size)));
    }

    @Override
    public <T, R> Iterator<R> imapUnordered(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize) {
        int size = checkChunksize(chunksize);
        return startLazy(fn, inputs, size, new UnorderedResults<>(itemsAhead(size)));
    }

    private int itemsAhead(int chunksize) {
        return chunksize * processes() * CHUNKS_AHEAD_PER_WORKER;
    }

    private <R> Iterator<R> startLazy(ProcessFunction<?, R> fn, Iterable<?> inputs, int chunksize,
            LazyResults<R> results) {
        core.checkRunning();
        Objects.requireNonNull(inputs, "inputs");
        EncodedTask task = encode(fn);
        ChunkFeeder feeder = new ChunkFeeder(inputs, task, chunksize, results, core, openFeeders::remove);
        if (!feeder.exhausted()) {
            openFeeders.add(feeder);
        }
        results.start(feeder);
        return results;
    }

    private static int checkChunksize(int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, got " + chunksize);
        }
        return chunksize;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** A future for the caller, completed on a callback thread when {@code internal} completes. */
    private <V> CompletableFuture<V> onCallbackThread(CompletableFuture<V> internal) {
        CompletableFuture<V> external = new CompletableFuture<>();
        internal.whenComplete((value, error) -> {
            Runnable completion = () -> {
                if (error != null) {
                    external.completeExceptionally(error);
                } else {
                    external.complete(value);
                }
            };
            try {
                callbacks.execute(completion);
            } catch (RejectedExecutionException stopped) {
                completion.run();
            }
        });
        return external;
    }

    /**
     * The caller's future, completed on a callback thread; if the caller completes it first (cancel, complete,
     * completeExceptionally, orTimeout), the call's items not done are withdrawn and a worker running one is stopped.
     */
    private <V> CompletableFuture<V> withdrawnWhenAbandoned(CompletableFuture<V> internal, List<Chunk> chunks) {
        CompletableFuture<V> external = onCallbackThread(internal);
        external.whenComplete((value, error) -> {
            if (!internal.isDone()) {
                core.withdraw(chunks);
            }
        });
        return external;
    }

    /** Waits for the call's result; an interrupt withdraws the call's items not done yet. */
    private <V> V await(CompletableFuture<V> future, List<Chunk> chunks) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            if (!future.isDone()) {
                core.withdraw(chunks);
            }
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting for results");
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    @Override
    public void close() {
        core.stopAccepting();   // first: from here on every submission throws
        // An imap's accepted items are those it had submitted; it reads no more of its input (which may be endless).
        openFeeders.forEach(ChunkFeeder::poolClosed);
        try {
            core.close();
        } catch (InterruptedException e) {
            // As ExecutorService.close(): an interrupt while waiting stops everything now.
            core.terminate();
            Thread.currentThread().interrupt();
        }
        core.release();
        registration.close();
        unclosed.clean();
    }

    /**
     * Closes this pool, waiting at most {@code bound} for the tasks it accepted, then terminates it: how a container
     * stops a pool whose owner was destroyed, so that a hung task cannot hold up an undeploy.
     *
     * @return how many accepted items were abandoned (0 if all were done in time)
     */
    public long closeWithin(java.time.Duration bound) {
        core.stopAccepting();
        openFeeders.forEach(ChunkFeeder::poolClosed);
        long abandoned;
        try {
            abandoned = core.closeWithin(bound);
        } catch (InterruptedException e) {
            core.terminate();
            Thread.currentThread().interrupt();
            abandoned = 0;
        }
        registration.close();
        unclosed.clean();
        return abandoned;
    }

    @Override
    public void terminate() {
        core.terminate();
        try {
            core.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        core.release();
        registration.close();
        unclosed.clean();
    }

    @Override
    public void join() throws InterruptedException {
        if (core.state() == PoolState.RUNNING) {
            throw new IllegalStateException("pool is still running; call close() or terminate() first");
        }
        core.awaitStopped();
    }

    @Override
    public String toString() {
        return core.name() + " " + core.state() + " " + options;
    }
}
