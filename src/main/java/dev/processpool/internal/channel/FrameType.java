package dev.processpool.internal.channel;

/** What a frame carries. Direction: P = parent to worker, W = worker to parent. */
public enum FrameType {
    /** W: token, pid. The first frame of every connection. */
    HELLO,
    /** P: the worker's settings and its initializer, if any. */
    START,
    /** W: the initializer ran; ready for tasks. */
    READY,
    /** W: the initializer threw: failure. */
    START_FAILED,
    /** P: chunk id, function, encoded inputs. */
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
    SHUTDOWN;

    private static final FrameType[] VALUES = values();

    static FrameType of(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new IllegalArgumentException("unknown frame type " + code);
        }
        return VALUES[code];
    }
}
