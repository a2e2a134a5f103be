package dev.processpool.internal.channel;

/**
 * The frames between a pool (P) and one of its workers (W), one type each, its writing and reading side by side:
 * both ends use these, so a frame's layout is written once. Failures travel as the codec's JSON text.
 */
public final class WorkerFrames {
    private WorkerFrames() {
    }

    /** W: the first frame of every connection: the token the worker was started with, and its pid. */
    public record Hello(String token, long pid) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.HELLO).putString(token).putLong(pid);
        }

        public static Hello read(Frame frame) {
            return new Hello(frame.getString(), frame.getLong());
        }
    }

    /** P: the parent's class path, the initializer (or ""), the time limit per item in nanoseconds (0: none). */
    public record Start(String classPath, String initializer, long timeoutNanos) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.START).putString(classPath).putString(initializer).putLong(timeoutNanos);
        }

        public static Start read(Frame frame) {
            return new Start(frame.getString(), frame.getString(), frame.getLong());
        }
    }

    /** W: the initializer threw: its failure as JSON. */
    public record StartFailed(String failureJson) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.START_FAILED).putString(failureJson);
        }

        public static StartFailed read(Frame frame) {
            return new StartFailed(frame.getString());
        }
    }

    /** P: a chunk: its id, the function, the encoded inputs, the index of the first item to run. */
    public record Task(long chunkId, String code, byte[] inputs, int start) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.TASK).putLong(chunkId).putString(code).putBytes(inputs).putInt(start);
        }

        public static Task read(Frame frame) {
            return new Task(frame.getLong(), frame.getString(), frame.getBytes(), frame.getInt());
        }

        /** The chunk id of a TASK frame, wherever its cursor is (see {@link Frame#firstLong()}). */
        public static long chunkId(Frame frame) {
            return frame.firstLong();
        }
    }

    /** W: a chunk's encoded results, the failures of single items as JSON, whether the worker leaves after it. */
    public record Result(long chunkId, byte[] results, String failuresJson, boolean leaving) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.RESULT).putLong(chunkId).putBytes(results).putString(failuresJson)
                    .putBoolean(leaving);
        }

        public static Result read(Frame frame) {
            return new Result(frame.getLong(), frame.getBytes(), frame.getString(), frame.getBoolean());
        }
    }

    /**
     * W: the outcomes of items {@code from..to-1} of the running chunk (encoded results, failures as JSON), the
     * index of the item running (-1 if none is known), for how long in nanoseconds, and whether it ran past the
     * time limit and was interrupted. Sent for items that run long, so the parent knows what a death costs.
     */
    public record Progress(long chunkId, int from, int to, byte[] results, String failuresJson, int running,
            long runningNanos, boolean timedOut) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.PROGRESS).putLong(chunkId).putInt(from).putInt(to).putBytes(results)
                    .putString(failuresJson).putInt(running).putLong(runningNanos).putBoolean(timedOut);
        }

        public static Progress read(Frame frame) {
            return new Progress(frame.getLong(), frame.getInt(), frame.getInt(), frame.getBytes(), frame.getString(),
                    frame.getInt(), frame.getLong(), frame.getBoolean());
        }
    }

    /** W: a class or resource the worker's loader {@code loaderId} wants from the parent's. */
    public record ResourceRequest(long requestId, int loaderId, String name) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.RESOURCE_REQUEST).putLong(requestId).putInt(loaderId).putString(name);
        }

        public static ResourceRequest read(Frame frame) {
            return new ResourceRequest(frame.getLong(), frame.getInt(), frame.getString());
        }
    }

    /** P: the answer to a resource request: its bytes, or null where the parent's loader has none. */
    public record Resource(long requestId, byte[] bytes) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.RESOURCE).putLong(requestId).putBoolean(bytes != null)
                    .putBytes(bytes == null ? new byte[0] : bytes);
        }

        public static Resource read(Frame frame) {
            long requestId = frame.getLong();
            boolean found = frame.getBoolean();
            byte[] bytes = frame.getBytes();
            return new Resource(requestId, found ? bytes : null);
        }
    }

    /** W: what a task printed: stream ({@link #STDOUT} or {@link #STDERR}) and text. */
    public record Output(int stream, String text) {
        public static final int STDOUT = 1;
        public static final int STDERR = 2;

        public FrameWriter write() {
            return new FrameWriter(FrameType.OUTPUT).putInt(stream).putString(text);
        }

        public static Output read(Frame frame) {
            return new Output(frame.getInt(), frame.getString());
        }
    }

    /** P: give this chunk back if it has not started: another worker is idle. */
    public record Revoke(long chunkId) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.REVOKE).putLong(chunkId);
        }

        public static Revoke read(Frame frame) {
            return new Revoke(frame.getLong());
        }
    }

    /** P: drop this chunk if it waits; interrupt it and skip its other items if it runs. */
    public record Cancel(long chunkId) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.CANCEL).putLong(chunkId);
        }

        public static Cancel read(Frame frame) {
            return new Cancel(frame.getLong());
        }
    }

    /** W: the chunk was dropped before it started. */
    public record Cancelled(long chunkId) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.CANCELLED).putLong(chunkId);
        }

        public static Cancelled read(Frame frame) {
            return new Cancelled(frame.getLong());
        }
    }

    /** W: the answer to REVOKE: given back (it will not run here), or started (its result follows). */
    public record Revoked(long chunkId, boolean givenBack) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.REVOKED).putLong(chunkId).putBoolean(givenBack);
        }

        public static Revoked read(Frame frame) {
            return new Revoked(frame.getLong(), frame.getBoolean());
        }
    }

    /** W: the initializer ran; ready for tasks. */
    public record Ready() {
        public FrameWriter write() {
            return new FrameWriter(FrameType.READY);
        }
    }

    /** P: finish the current task, then exit. */
    public record Shutdown() {
        public FrameWriter write() {
            return new FrameWriter(FrameType.SHUTDOWN);
        }
    }
}
