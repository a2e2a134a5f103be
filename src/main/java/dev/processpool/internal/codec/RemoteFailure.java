package dev.processpool.internal.codec;

import dev.processpool.TaskFailedException;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwable of a worker as it travels: class, message, frames, cause. In the parent it becomes a
 * {@link TaskFailedException} whose cause is a {@link RemoteStackTrace} carrying the worker's frames.
 */
public record RemoteFailure(String className, String message, List<Frame> frames, RemoteFailure cause) {

    public record Frame(String className, String methodName, String fileName, int lineNumber) {
    }

    private static final int MAX_CAUSES = 16;

    public static RemoteFailure of(Throwable t) {
        return of(t, 0);
    }

    private static RemoteFailure of(Throwable t, int depth) {
        List<Frame> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            frames.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
        }
        Throwable cause = t.getCause();
        RemoteFailure remoteCause = cause == null || cause == t || depth >= MAX_CAUSES ? null : of(cause, depth + 1);
        return new RemoteFailure(t.getClass().getName(), t.getMessage(), frames, remoteCause);
    }

    public String toJson() {
        return FailureJson.write(this);
    }

    /** @throws jakarta.json.JsonException when the JSON is not a failure */
    public static RemoteFailure fromJson(String json) {
        return FailureJson.readFailure(json);
    }

    /** The exception the caller sees; {@code context} (e.g. "in worker pid 42") is added to the message. */
    public TaskFailedException toException(String context) {
        String text = message == null ? className + " " + context : message + " (" + className + " " + context + ")";
        return new TaskFailedException(className, text, toTrace());
    }

    public RemoteStackTrace toTrace() {
        StackTraceElement[] elements = frames == null ? new StackTraceElement[0] : frames.stream()
                .map(f -> new StackTraceElement(f.className(), f.methodName(), f.fileName(), f.lineNumber()))
                .toArray(StackTraceElement[]::new);
        return new RemoteStackTrace(className, message, elements, cause == null ? null : cause.toTrace());
    }

    /** Python's {@code RemoteTraceback}: prints as the remote throwable did, with the worker's frames. */
    public static final class RemoteStackTrace extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String remoteClassName;

        RemoteStackTrace(String remoteClassName, String message, StackTraceElement[] frames, RemoteStackTrace cause) {
            super(message, cause, false, true);
            this.remoteClassName = remoteClassName;
            setStackTrace(frames);
        }

        public String remoteClassName() {
            return remoteClassName;
        }

        @Override
        public String toString() {
            return getMessage() == null ? "remote " + remoteClassName : "remote " + remoteClassName + ": " + getMessage();
        }
    }
}
