package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.concurrent.ManageableThread;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** An owner that hands work to a managed executor. */
@ApplicationScoped
public class HandsOffWork {
    @Inject
    @ProcessPool(startMethod = "spawn", processes = 1)
    Pool pool;

    @Inject
    ManagedExecutorService executor;

    public Future<Integer> squareOnTheManagedExecutor(int x) {
        return executor.submit(() -> pool.apply(Tasks::square, x));
    }

    /** An asynchronous stage on the future's default executor, which calls the pool and says where it ran. */
    public CompletableFuture<String> fourthPowerAsync(int x) {
        return pool.applyAsync(Tasks::square, x).thenApplyAsync(squared -> pool.apply(Tasks::square, squared)
                + (Thread.currentThread() instanceof ManageableThread ? " on a managed thread" : " elsewhere"));
    }

    public Pool leak() {
        return pool;
    }
}
