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
 * <p>Threads: methods are safe to call from any thread of the owner. The futures of the {@code ...Async} methods
 * are completed on the pool's callback threads (daemons named {@code processpool-<name>-callback}), never on a
 * thread that reads from the workers: a dependent stage added before completion runs on that callback thread, and
 * may block, even on this pool, without stalling it; one added after completion runs on the thread that adds it;
 * the {@code ...Async} stages without an executor run where {@link CompletableFuture} runs them. A pool stopped
 * meanwhile completes them on the thread that stops it.
 *
 * <p>Interrupts: a caller interrupted while it waits for results ({@code apply}, {@code map}, an iterator's
 * {@code next()}) gets a {@link java.util.concurrent.CancellationException} whose cause is the
 * {@link InterruptedException}, with its interrupt flag set again; the tasks go on in their workers.
 *
 * <p>Failures: {@link TaskFailedException} when the function threw in the worker (its cause is the worker's stack
 * trace), {@link WorkerDiedException} when the worker ran out of life before it answered. Both are unchecked; the
 * blocking methods throw them as they are, the futures complete exceptionally with them.
 */
public interface Pool extends AutoCloseable {
    /**
     * The start method of the context that made this pool.
     *
     * @return {@code "forkserver"} or {@code "spawn"}
     */
    String startMethod();

    /**
     * How many workers the pool keeps.
     *
     * @return the configured number, or the number an administrator set since (JMX {@code resize})
     */
    int processes();

    /**
     * Runs {@code fn(input)} in a worker and waits for the result.
     *
     * @param <T> the input's type
     * @param <R> the result's type
     * @param fn the function, sent to the worker as JSON (see {@link ProcessFunction})
     * @param input its input, sent as JSON
     * @return the result, read back as the function's declared result type
     * @throws TaskFailedException if {@code fn} threw in the worker
     * @throws WorkerDiedException if the worker died before it answered
     * @throws IllegalArgumentException if the function or the input cannot be sent (nothing was sent then)
     * @throws IllegalStateException if the pool is closed
     * @throws java.util.concurrent.CancellationException if this thread was interrupted while it waited
     */
    <T, R> R apply(ProcessFunction<T, R> fn, T input);

    /**
     * Runs {@code fn(input)} in a worker; the future completes on a callback thread (see the class comment).
     *
     * @param <T> the input's type
     * @param <R> the result's type
     * @param fn the function, sent to the worker as JSON
     * @param input its input, sent as JSON
     * @return the result's future, completed exceptionally with {@link TaskFailedException} or
     *         {@link WorkerDiedException}, or with a {@link java.util.concurrent.CancellationException} by
     *         {@link #terminate()}
     * @throws IllegalArgumentException if the function or the input cannot be sent (nothing was sent then)
     * @throws IllegalStateException if the pool is closed
     */
    <T, R> CompletableFuture<R> applyAsync(ProcessFunction<T, R> fn, T input);

    /**
     * Runs {@code fn} on every input and waits for all results, with the default chunksize
     * {@code ceil(n / (4 * processes))}. The input is read whole before anything is sent.
     *
     * @param <T> the inputs' type
     * @param <R> the results' type
     * @param fn the function, sent to the workers as JSON
     * @param inputs the inputs, sent as JSON
     * @return the results in input order
     * @throws TaskFailedException of the first failed item in input order, if any failed
     * @throws WorkerDiedException if a worker died before it answered for an item
     * @throws IllegalArgumentException if the function or an input cannot be sent (nothing was sent then)
     * @throws NullPointerException if {@code inputs} is null
     * @throws IllegalStateException if the pool is closed
     * @throws java.util.concurrent.CancellationException if this thread was interrupted while it waited
     */
    <T, R> List<R> map(ProcessFunction<T, R> fn, Iterable<? extends T> inputs);

    /**
     * Runs {@code fn} on every input, {@code chunksize} inputs to a task, and waits for all results.
     *
     * @param <T> the inputs' type
     * @param <R> the results' type
     * @param fn the function, sent to the workers as JSON
     * @param inputs the inputs, sent as JSON
     * @param chunksize how many inputs travel together, at least 1
     * @return the results in input order
     * @throws TaskFailedException of the first failed item in input order, if any failed
     * @throws WorkerDiedException if a worker died before it answered for an item
     * @throws IllegalArgumentException if {@code chunksize} is below 1, or the function or an input cannot be sent
     * @throws NullPointerException if {@code inputs} is null
     * @throws IllegalStateException if the pool is closed
     * @throws java.util.concurrent.CancellationException if this thread was interrupted while it waited
     */
    <T, R> List<R> map(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize);

    /**
     * As {@link #map(ProcessFunction, Iterable)}, without waiting: the future completes on a callback thread.
     *
     * @param <T> the inputs' type
     * @param <R> the results' type
     * @param fn the function, sent to the workers as JSON
     * @param inputs the inputs, read whole before this method returns
     * @return the future of the results in input order, completed exceptionally as {@code map} would throw
     * @throws IllegalArgumentException if the function or an input cannot be sent (nothing was sent then)
     * @throws NullPointerException if {@code inputs} is null
     * @throws IllegalStateException if the pool is closed
     */
    <T, R> CompletableFuture<List<R>> mapAsync(ProcessFunction<T, R> fn, Iterable<? extends T> inputs);

    /**
     * As {@link #map(ProcessFunction, Iterable, int)}, without waiting: the future completes on a callback thread.
     *
     * @param <T> the inputs' type
     * @param <R> the results' type
     * @param fn the function, sent to the workers as JSON
     * @param inputs the inputs, read whole before this method returns
     * @param chunksize how many inputs travel together, at least 1
     * @return the future of the results in input order, completed exceptionally as {@code map} would throw
     * @throws IllegalArgumentException if {@code chunksize} is below 1, or the function or an input cannot be sent
     * @throws NullPointerException if {@code inputs} is null
     * @throws IllegalStateException if the pool is closed
     */
    <T, R> CompletableFuture<List<R>> mapAsync(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize);

    /**
     * Results lazily in input order; an item's failure is thrown by {@code next()} at that item. The input is read
     * lazily, at most {@code chunksize * processes * 4} items ahead of the consumer, so it may be endless.
     * If the pool is closed before the input was read to its end, the items already read run (they are accepted
     * work), the rest of the input is never read, and {@code next()} yields their results, then throws
     * {@code IllegalStateException} where reading stopped; see {@link #close()}.
     *
     * @param <T> the inputs' type
     * @param <R> the results' type
     * @param fn the function, sent to the workers as JSON
     * @param inputs the inputs, read lazily; the first chunks are read (and checked) by this call
     * @param chunksize how many inputs travel together, at least 1
     * @return the results; {@code next()} throws an item's {@link TaskFailedException} or
     *         {@link WorkerDiedException} at that item, an error of the input where it was read, and a
     *         {@link java.util.concurrent.CancellationException} if the calling thread is interrupted while it waits
     * @throws IllegalArgumentException if {@code chunksize} is below 1, or the function or the first inputs cannot
     *         be sent
     * @throws NullPointerException if {@code inputs} is null
     * @throws IllegalStateException if the pool is closed
     */
    <T, R> Iterator<R> imap(ProcessFunction<T, R> fn, Iterable<? extends T> inputs, int chunksize);

    /**
     * Results lazily in completion order. Input is read and accepted as by {@link #imap}, and a {@link #close()}
     * before its end stops it the same way: the results of the items read, then {@code IllegalStateException}.
     *
     * @param <T> the inputs' type
     * @param <R> the results' type
     * @param fn the function, sent to the workers as JSON
     * @param inputs the inputs, read lazily; the first chunks are read (and checked) by this call
     * @param chunksize how many inputs travel together, at least 1
     * @return the results; {@code next()} throws an item's {@link TaskFailedException} or
     *         {@link WorkerDiedException} at that item, an error of the input where it was read, and a
     *         {@link java.util.concurrent.CancellationException} if the calling thread is interrupted while it waits
     * @throws IllegalArgumentException if {@code chunksize} is below 1, or the function or the first inputs cannot
     *         be sent
     * @throws NullPointerException if {@code inputs} is null
     * @throws IllegalStateException if the pool is closed
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
     *
     * <p>If the calling thread is interrupted while it waits, the pool is stopped at once, as by {@link #terminate()},
     * and the interrupt flag is set again.
     */
    @Override
    void close();

    /**
     * Stops the workers now; unfinished futures complete exceptionally with a
     * {@link java.util.concurrent.CancellationException}, and waiting callers get one. Returns when the workers have
     * exited; calling it again does nothing more. An interrupt while it waits ends the wait, with the interrupt
     * flag set again.
     */
    void terminate();

    /**
     * Waits for the workers to exit after {@link #close()} or {@link #terminate()}.
     *
     * @throws IllegalStateException while the pool is running
     * @throws InterruptedException if this thread is interrupted while it waits; the pool stops all the same
     */
    void join() throws InterruptedException;
}
