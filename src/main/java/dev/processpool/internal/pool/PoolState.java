package dev.processpool.internal.pool;

/**
 * The life cycle of a pool.
 *
 * <pre>
 * RUNNING ──close()──▶ CLOSING ──all accepted tasks done, workers exited──▶ CLOSED
 * RUNNING, CLOSING ──terminate()──▶ TERMINATED
 * RUNNING, CLOSING ──initializer failed, or workers cannot start──▶ BROKEN
 * </pre>
 * Only RUNNING accepts tasks. CLOSED, TERMINATED and BROKEN are final.
 */
enum PoolState {
    RUNNING, CLOSING, CLOSED, TERMINATED, BROKEN;

    boolean isFinal() {
        return this == CLOSED || this == TERMINATED || this == BROKEN;
    }
}
