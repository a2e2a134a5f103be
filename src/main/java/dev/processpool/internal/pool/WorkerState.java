package dev.processpool.internal.pool;

/**
 * Where a connected worker is in its life, as its pool sees it. Changed only by the {@link WorkerSupervisor},
 * under the pool's lock.
 *
 * <pre>
 * STARTING ──READY──▶ READY
 *    │                  │
 *  drain              drain           (its last chunk under maxTasksPerChild, resize, recycle)
 *    ▼                  ▼
 * DRAINING_UNREADY ──READY──▶ DRAINING
 * any ──retire (SHUTDOWN sent, or its start failed)──▶ RETIRING
 * </pre>
 */
enum WorkerState {
    /** Connected and sent START; its initializer has not reported yet. Takes chunks, which wait behind START. */
    STARTING,
    /** Its initializer ran. Takes chunks. */
    READY,
    /** Takes no more chunks, and leaves once those it holds are done; its start is not confirmed yet. */
    DRAINING_UNREADY,
    /** Takes no more chunks, and leaves once those it holds are done. */
    DRAINING,
    /** Told to exit, or its start failed: its end is no death, and it holds no chunk of the pool's any more. */
    RETIRING;

    /** Its initializer ran: a chunk it held had begun, and its end is no failed start. */
    boolean ready() {
        return this == READY || this == DRAINING;
    }

    boolean draining() {
        return this == DRAINING_UNREADY || this == DRAINING;
    }

    WorkerState toReady() {
        return this == STARTING ? READY : this == DRAINING_UNREADY ? DRAINING : this;
    }

    WorkerState toDraining() {
        return this == STARTING ? DRAINING_UNREADY : this == READY ? DRAINING : this;
    }
}
