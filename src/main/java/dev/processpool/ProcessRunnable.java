package dev.processpool;

import java.io.Serializable;

/**
 * Code without input or result that runs in a worker process, such as a pool's initializer.
 * It travels like a {@link ProcessFunction}: by class and method name plus captured values.
 */
@FunctionalInterface
public interface ProcessRunnable extends Serializable {
    /**
     * Runs in the worker.
     *
     * @throws Exception anything; for an initializer, the pool then reports it as broken
     */
    void run() throws Exception;
}
