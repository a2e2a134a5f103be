package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** An owner of a pool, with ways to use the pool properly and to leak it. */
@ApplicationScoped
public class Squares {
    @Inject
    @ProcessPool(startMethod = "spawn", processes = 1)
    Pool pool;

    @Inject
    Calculator calculator;

    public int square(int x) {
        return pool.apply(Tasks::square, x);
    }

    public long workerPid() {
        return pool.apply(Tasks::pid, 0);
    }

    public Pool leak() {
        return pool;
    }

    public int squareThroughHelper(int x) {
        return new SquareHelper(pool).square(x);
    }

    public int squareThroughAnotherBean(int x) {
        return calculator.square(pool, x);
    }

    /** A stage that depends on the pool's future, and itself calls the pool, on whatever thread completes it. */
    public CompletableFuture<Integer> fourthPower(int x) {
        return pool.applyAsync(Tasks::square, x).thenApply(squared -> pool.apply(Tasks::square, squared));
    }

    /** The same with an asynchronous stage on the future's default executor. */
    public CompletableFuture<Integer> fourthPowerAsync(int x) {
        return pool.mapAsync(Tasks::square, java.util.List.of(x)).thenApplyAsync(squared -> pool.apply(Tasks::square,
                squared.get(0)));
    }

    /** Uses the pool on a plain thread the owner starts itself; returns what that thread threw. */
    public Throwable squareOnAPlainThread(int x) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                pool.apply(Tasks::square, x);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "plain-thread-of-the-owner");
        thread.start();
        thread.join();
        return thrown.get();
    }

    public void closePool() {
        pool.close();
    }

    public void terminatePool() {
        pool.terminate();
    }

    public void joinPool() throws InterruptedException {
        pool.join();
    }

    /** Runs {@code action} as this owner's business method. */
    public <T> T callAsOwner(java.util.function.Supplier<T> action) {
        return action.get();
    }
}
