package dev.processpool.internal.cdi;

import dev.processpool.internal.limits.LimitValues;
import dev.processpool.internal.pool.WorkerPool;
import java.time.Duration;

import dev.processpool.Pool;
import dev.processpool.ProcessFunction;
import dev.processpool.internal.concurrent.OwnerFutures;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A container-managed pool: an engine pool that serves only its {@link PoolOwner} and whose life cycle belongs to
 * the container.
 *
 * <ul>
 *   <li>Every method but {@code toString()} first checks that the owner is executing on the calling thread, and
 *       throws {@link IllegalStateException} naming the pool and its owner if not.</li>
 *   <li>{@link #close()}, {@link #terminate()} and {@link #join()} throw {@link IllegalStateException}, as a
 *       {@code ManagedExecutorService}'s life-cycle methods do; the container calls {@link #stop()} when the owner
 *       is destroyed.</li>
 *   <li>Futures are {@linkplain OwnerFutures owner futures}: their dependent stages run as the owner.</li>
 * </ul>
 * Thread safety: that of the engine pool; the owner's instance is bound once, before any call can pass.
 */
final class ManagedPool implements Pool {
    private final Pool pool;
    private final String injectionPoint;
    private final PoolOwner owner;
    private final OwnerFutures futures;

    ManagedPool(Pool pool, String injectionPoint, PoolOwner owner, OwnerFutures futures) {
        this.pool = pool;
        this.injectionPoint = injectionPoint;
        this.owner = owner;
        this.futures = futures;
    }

    PoolOwner owner() {
        return owner;
    }

    /**
     * Its owner was destroyed: the pool finishes the tasks it accepted for at most {@link ShutdownTimeout} and is
     * then terminated, with a warning that names it and the tasks abandoned; for the container only.
     */
    void stop() {
        if (!(pool instanceof WorkerPool engine)) {
            pool.terminate();
            return;
        }
        Duration bound = ShutdownTimeout.get();
        long abandoned = engine.closeWithin(bound);
        if (abandoned > 0) {
            System.getLogger("dev.processpool").log(System.Logger.Level.WARNING, "{0} ({1}): its owner was destroyed"
                    + " and its accepted tasks did not finish within {2} ({3}); it was terminated, abandoning {4}"
                    + " tasks", engine.name(), injectionPoint, LimitValues.show(bound), ShutdownTimeout.PROPERTY,
                    abandoned);
        }
    }

    private void checkOwner() {
        if (owner.instance() == null) {
            throw new IllegalStateException(this + " cannot be used yet: its owner " + owner + " is still being"
                    + " constructed; use the pool from a @PostConstruct method or a business method");
        }
        if (!owner.isExecutingHere()) {
            throw new IllegalStateException(this + " serves only its owner, " + owner + ", but was called on thread '"
                    + Thread.currentThread().getName() + "' where the owner is not executing: call it from the"
                    + " owner's methods (or code they call), or hand the work to a managed executor");
        }
    }

    private <T> CompletableFuture<T> owned(CompletableFuture<T> engineFuture) {
        return futures.adopt(engineFuture, owner.instance(), owner.bean());
    }

    @Override
    public String startMethod() {
        checkOwner();
        return pool.startMethod();
    }

    @Override
    public int processes() {
        checkOwner();
        return pool.processes();
    }

    @Override
    public <T, R> R apply(ProcessFunction<T, R> fn, T input) {
        checkOwner();
        return pool.apply(fn, input);
    }

    @Override
    public <T, R> CompletableFuture<R> applyAsync(ProcessFunction<T, R> fn, T input) {
        checkOwner();
        return owned(pool.applyAsync(fn, input));
    }

    @Override
    public <T, R> List<R> map(ProcessFunction<T, R> fn, Iterable<? extends T> inputs) {
        checkOwner();
        return pool.map(fn, inputs);
    }

    @Override
    public <T, R> List<R> map(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize) {
        checkOwner();
        return pool.map(fn, inputs, chunksize);
    }

    @Override
    public <T, R> CompletableFuture<List<R>> mapAsync(ProcessFunction<T, R> fn, Iterable<? extends T> inputs) {
        checkOwner();
        return owned(pool.mapAsync(fn, inputs));
    }

    @Override
    public <T, R> CompletableFuture<List<R>> mapAsync(ProcessFunction<T, R> fn, Iterable<? extends T> inputs,
            int chunksize) {
        checkOwner();
        return owned(pool.mapAsync(fn, inputs, chunksize));
    }

    @Override
    public <T, R> Iterator<R> imap(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize) {
        checkOwner();
        return pool.imap(fn, inputs, chunksize);
    }

    @Override
    public <T, R> Iterator<R> imapUnordered(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize) {
        checkOwner();
        return pool.imapUnordered(fn, inputs, chunksize);
    }

    @Override
    public void close() {
        throw lifecycleRefused("close()");
    }

    @Override
    public void terminate() {
        throw lifecycleRefused("terminate()");
    }

    @Override
    public void join() {
        throw lifecycleRefused("join()");
    }

    private IllegalStateException lifecycleRefused(String method) {
        return new IllegalStateException(method + " is not available on " + this + ": the container owns its life"
                + " cycle and stops its workers when its owner, " + owner + ", is destroyed");
    }

    @Override
    public String toString() {
        return "@ProcessPool " + injectionPoint + " (" + pool + ")";
    }
}
