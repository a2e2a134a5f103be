package dev.processpool.internal.channel;

/**
 * The frames between a pool's JVM (P) and its context's forkserver (S), one type each, its writing and reading
 * side by side: client and server use these, so a frame's layout is written once.
 */
public final class ForkServerFrames {
    private ForkServerFrames() {
    }

    /** S: the server's challenge to a new connection. */
    public record AuthChallenge(byte[] nonce) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.AUTH_CHALLENGE).putBytes(nonce);
        }

        public static AuthChallenge read(Frame frame) {
            return new AuthChallenge(frame.getBytes());
        }
    }

    /** P: the HMAC of the server's nonce with the key, and the client's own nonce. */
    public record AuthResponse(byte[] hmac, byte[] nonce) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.AUTH_RESPONSE).putBytes(hmac).putBytes(nonce);
        }

        public static AuthResponse read(Frame frame) {
            return new AuthResponse(frame.getBytes(), frame.getBytes());
        }
    }

    /** S: the HMAC of the client's nonce: the server knows the key too. */
    public record AuthOk(byte[] hmac) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.AUTH_OK).putBytes(hmac);
        }

        public static AuthOk read(Frame frame) {
            return new AuthOk(frame.getBytes());
        }
    }

    /** P: a worker for a pool: request id, recipe (JSON), reserve size, warm-up hints, pool socket path, token. */
    public record SpawnRequest(long id, String recipe, int reserveSize, String hintsLine, String socketPath,
            String token) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.SPAWN_REQUEST).putLong(id).putString(recipe).putInt(reserveSize)
                    .putString(hintsLine).putString(socketPath).putString(token);
        }

        public static SpawnRequest read(Frame frame) {
            return new SpawnRequest(frame.getLong(), frame.getString(), frame.getInt(), frame.getString(),
                    frame.getString(), frame.getString());
        }
    }

    /** S: the pid of the worker handed out for a request. */
    public record Spawned(long id, long pid) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.SPAWNED).putLong(id).putLong(pid);
        }

        public static Spawned read(Frame frame) {
            return new Spawned(frame.getLong(), frame.getLong());
        }
    }

    /** S: why no worker could be handed out for a request. */
    public record SpawnFailed(long id, String reason) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.SPAWN_FAILED).putLong(id).putString(reason);
        }

        public static SpawnFailed read(Frame frame) {
            return new SpawnFailed(frame.getLong(), frame.getString());
        }
    }

    /** S: a line a worker handed out wrote to its JVM's standard streams. */
    public record WorkerOutput(long pid, String line) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.WORKER_OUTPUT).putLong(pid).putString(line);
        }

        public static WorkerOutput read(Frame frame) {
            return new WorkerOutput(frame.getLong(), frame.getString());
        }
    }

    /** S: a worker handed out exited, with this status. */
    public record WorkerExited(long pid, int status) {
        public FrameWriter write() {
            return new FrameWriter(FrameType.WORKER_EXITED).putLong(pid).putInt(status);
        }

        public static WorkerExited read(Frame frame) {
            return new WorkerExited(frame.getLong(), frame.getInt());
        }
    }
}
