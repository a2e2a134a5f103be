package dev.processpool;

import java.io.Serializable;

/**
 * Code without input or result that runs in a worker process, such as a pool's initializer.
 * It travels like a {@link ProcessFunction}: by class and method name plus captured values.
 */
@FunctionalInterface
public interface ProcessRunnable extends Serializable {
    void run() throws Exception;
}
