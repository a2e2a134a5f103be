package dev.processpool;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A pool of worker processes, Python's {@code multiprocessing.Pool} for Java.
 *
 * <p>Functions and their inputs travel to the workers as JSON (see {@link ProcessFunction}); results come back
 * the same way, typed from the function's signature. A task that throws fails with
 * {@link TaskFailedException}; a task whose worker dies fails with {@link WorkerDiedException}, and the
 * worker is replaced: no call waits forever on a dead worker.
 *
 * <p>Life cycle: RUNNING until {@link #close()} (no new tasks; accepted ones finish; workers exit) or
 * {@link #terminate()} (workers stopped now; unfinished futures complete exceptionally). From the moment either
 * is called, every submitting method throws {@code IllegalStateException("pool is closed")}.
 *
 * <pre>{@code
 * try (Pool pool = ProcessContext.of("spawn").newPool(PoolOptions.builder().processes(2).build())) {
 *     List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3));   // [1, 4, 9]
 * }
 * }</pre>
 *
 * <p>Methods are safe to call from any thread of the owner.
 */
public interface Pool extends AutoCloseable {
    String startMethod();

    int processes();

    /** Runs {@code fn(input)} in a worker and waits for the result. */
    <T, R> R apply(ProcessFunction<T, R> fn, T input);

    <T, R> CompletableFuture<R> applyAsync(ProcessFunction<T, R> fn, T input);

    /** Results in input order, default chunksize {@code ceil(n / (4 * processes))}. */
    <T, R> List<R> map(ProcessFunction<T, R> fn, Iterable<? extends T> inputs);

    <T, R> List<R> map(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize);

    <T, R> CompletableFuture<List<R>> mapAsync(ProcessFunction<T, R> fn, Iterable<? extends T> inputs);

    <T, R> CompletableFuture<List<R>> mapAsync(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize);

    /**
     * Results lazily in input order; an item's failure is thrown by {@code next()} at that item. The input is read
     * lazily, at most {@code chunksize * processes * 4} items ahead of the consumer, so it may be endless.
     * If the pool is closed before the input was read to its end, the items already read run (they are accepted
     * work), the rest of the input is never read, and {@code next()} yields their results, then throws
     * {@code IllegalStateException} where reading stopped; see {@link #close()}.
     */
    <T, R> Iterator<R> imap(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize);

    /**
     * Results lazily in completion order. Input is read and accepted as by {@link #imap}, and a {@link #close()}
     * before its end stops it the same way: the results of the items read, then {@code IllegalStateException}.
     */
    <T, R> Iterator<R> imapUnordered(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize);

    /**
     * No new tasks; finishes the accepted ones; returns when the workers have exited. From the moment it is called,
     * every submitting method throws {@code IllegalStateException("pool is closed")}, from any thread.
     *
     * <p>Accepted work is every call that returned before {@code close()} was called ({@code apply}, {@code map}
     * and their async forms), and, for an {@code imap} or {@code imapUnordered} whose input was not read to its
     * end, the items it had read from its input when {@code close()} was called: no more than
     * {@code chunksize * processes * 4} beyond those its consumer had taken. {@code close()} reads no input, so an
     * abandoned {@code imap} over an endless input (try-with-resources left early) never keeps it running; that
     * iterator then yields the results of the items read and throws {@code IllegalStateException} after them.
     */
    @Override
    void close();

    /** Stops the workers now; unfinished futures complete exceptionally with a {@code CancellationException}. */
    void terminate();

    /** Waits for the workers to exit after {@link #close()} or {@link #terminate()}; throws {@code IllegalStateException} while running. */
    void join() throws InterruptedException;
}
