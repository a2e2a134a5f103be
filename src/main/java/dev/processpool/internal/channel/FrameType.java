package dev.processpool.internal.channel;

/**
 * The kinds of frame. Direction: P = parent to worker, W = worker to parent. Each frame's layout is written once,
 * as a type with its writing and reading side by side: {@link WorkerFrames}, {@link ForkServerFrames}.
 */
public enum FrameType {
    /** W: token, pid. The first frame of every connection. */
    HELLO,
    /** P: the parent's class path, the initializer (or ""), the time limit per item in nanoseconds (0: none). */
    START,
    /** W: the initializer ran; ready for tasks. */
    READY,
    /** W: the initializer threw: failure. */
    START_FAILED,
    /** P: chunk id, function, encoded inputs, index of the first item to run (items before it ran elsewhere). */
    TASK,
    /** W: chunk id, encoded results, failures of single items, whether the worker leaves after it. */
    RESULT,
    /** W: request id, loader id, resource name. */
    RESOURCE_REQUEST,
    /** P: request id, found flag, bytes. */
    RESOURCE,
    /** W: stream (1 out, 2 err), text. */
    OUTPUT,
    /** P: finish the current task, then exit. */
    SHUTDOWN,
    /** P: chunk id. Give back this chunk if it has not started: another worker is idle. */
    REVOKE,
    /** W: chunk id, whether it was given back (it will not run here) or has started (its result follows). */
    REVOKED,

    // Between a pool's JVM (P) and its context's forkserver (S).

    /** S: nonce. The server's challenge to a new connection. */
    AUTH_CHALLENGE,
    /** P: HMAC of the server's nonce with the key, the client's own nonce. */
    AUTH_RESPONSE,
    /** S: HMAC of the client's nonce: the server knows the key too. */
    AUTH_OK,
    /** P: request id, worker recipe (JSON), reserve size, pool socket path, token. */
    SPAWN_REQUEST,
    /** S: request id, pid of the worker handed out. */
    SPAWNED,
    /** S: request id, why no worker could be handed out. */
    SPAWN_FAILED,
    /** S: pid, exit status of a worker handed out. */
    WORKER_EXITED,
    /** S: pid, a line its JVM wrote to its standard streams. */
    WORKER_OUTPUT,

    // Supervision of the running item, between a pool (P) and its worker (W).

    /**
     * W: chunk id, first and end index of the items whose outcomes follow, their encoded results, their failures,
     * the index of the item running (-1 if none is known), for how long in nanoseconds, and whether it ran past
     * the time limit and was interrupted. Sent for items that run long, so the parent knows what a death costs.
     */
    PROGRESS,
    /** P: chunk id. Drop this chunk if it waits; interrupt it and skip its other items if it runs. */
    CANCEL,
    /** W: chunk id: the chunk was dropped before it started. */
    CANCELLED;

    private static final FrameType[] VALUES = values();

    static FrameType of(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new IllegalArgumentException("unknown frame type " + code);
        }
        return VALUES[code];
    }
}
