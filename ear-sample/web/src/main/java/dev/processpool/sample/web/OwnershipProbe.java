package dev.processpool.sample.web;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import dev.processpool.sample.service.Counted;
import dev.processpool.sample.service.Range;
import dev.processpool.sample.service.Tasks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Owns a pool and hands work that uses it to the server's default managed executor: pool ownership is a thread
 * context the executor propagates, so the task may call the pool. {@link #leak()} gives the pool away, for
 * {@link Bystander} to show that nobody else can.
 */
@ApplicationScoped
public class OwnershipProbe {
    static final Range SMALL_RANGE = new Range(0, 1000);

    @Inject
    @ProcessPool(startMethod = "spawn", processes = 1)
    Pool pool;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Counts the primes below 1000 in a task this owner submits to the managed executor. */
    public Counted countOnTheManagedExecutor() throws InterruptedException, ExecutionException, TimeoutException {
        return executor.submit(() -> pool.apply(Tasks::countPrimes, SMALL_RANGE)).get(60, TimeUnit.SECONDS);
    }

    /** The pool itself, handed out: only this owner may still call it. */
    public Pool leak() {
        return pool;
    }
}
