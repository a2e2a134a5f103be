package dev.processpool.internal.codec;

import dev.processpool.ProcessFunction;
import dev.processpool.ProcessRunnable;

/**
 * A function rebuilt in the worker, with how to read its inputs and write its results.
 *
 * @param loader the worker's loader of the function's classes, which resolves the types of inputs
 */
public record DecodedTask(Object function, ValueCodec inputs, ValueCodec results, ClassLoader loader) {

    @SuppressWarnings("unchecked")
    public Object apply(Object input) throws Exception {
        return ((ProcessFunction<Object, Object>) function).apply(input);
    }

    public void run() throws Exception {
        ((ProcessRunnable) function).run();
    }
}
