package dev.processpool;

import java.io.Serializable;

/**
 * A function that runs in a worker process.
 *
 * <p>It travels to the worker by name, as Python pickles functions: a static method reference, a lambda
 * whose captured values JSON-B can carry, or a public class with a no-argument constructor whose JSON-B
 * properties are its state. It never travels by Java serialization; {@link Serializable} is only what
 * makes the compiler record a lambda's name and captured values.
 *
 * <pre>{@code
 * ProcessFunction<Integer, Integer> square = x -> x * x;
 * List<Integer> squares = pool.map(square, List.of(1, 2, 3));
 * }</pre>
 *
 * @param <T> the input, carried as JSON
 * @param <R> the result, carried as JSON
 */
@FunctionalInterface
public interface ProcessFunction<T, R> extends Serializable {
    /**
     * Runs in the worker, one call per input.
     *
     * @param input the input, read back from JSON as the declared input type
     * @return the result, sent back as JSON
     * @throws Exception anything; the caller gets it as a {@link TaskFailedException} for this input only
     */
    R apply(T input) throws Exception;
}
