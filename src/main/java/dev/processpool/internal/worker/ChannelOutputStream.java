package dev.processpool.internal.worker;

import dev.processpool.internal.channel.WorkerFrames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What task code writes to {@code System.out} or {@code System.err}: sent to the parent line by line as
 * OUTPUT frames, so it reaches the parent's log and never mixes with the protocol.
 */
final class ChannelOutputStream extends OutputStream {
    static final int STDOUT = WorkerFrames.Output.STDOUT;
    static final int STDERR = WorkerFrames.Output.STDERR;
    private static final int MAX_BUFFERED = 8192;

    private final ParentLink link;
    private final int stream;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    ChannelOutputStream(ParentLink link, int stream) {
        this.link = link;
        this.stream = stream;
    }

    /**
     * The worker's {@code System.out} or {@code System.err}: a task cannot close it (closing flushes), since a
     * closed stream would silence every later task of this worker.
     */
    static PrintStream printStream(ParentLink link, int stream) {
        return new PrintStream(new ChannelOutputStream(link, stream), true, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                flush();
            }
        };
    }

    @Override
    public void close() throws IOException {
        flush();   // stays open: see printStream
    }

    @Override
    public synchronized void write(int b) throws IOException {
        buffer.write(b);
        if (b == '\n' || buffer.size() >= MAX_BUFFERED) {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        buffer.write(b, off, len);
        if (buffer.size() >= MAX_BUFFERED) {
            flush();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (buffer.size() == 0) {
            return;
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        link.send(new WorkerFrames.Output(stream, text).write());
    }
}
