package dev.processpool.internal.channel;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Frames over a connected socket. One thread may {@link #receive()} while others {@link #send} (sends are
 * serialised). Closing it wakes a blocked receiver with an {@link IOException}.
 *
 * <p>Reads go through a buffer: one system call takes every frame that has arrived, where reading a header
 * and then its body would take two per frame. On a pool of tiny tasks most of the CPU time is the kernel's.
 */
public final class FrameChannel implements AutoCloseable {
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    /** How the message of a refused frame begins. */
    public static final String MALFORMED = "malformed frame: ";

    private final SocketChannel socket;
    /** Bytes read and not yet taken, between position and limit. Used by the receiving thread only. */
    private final ByteBuffer received = ByteBuffer.allocateDirect(READ_BUFFER_BYTES).flip();
    private final Object sendLock = new Object();

    public FrameChannel(SocketChannel socket) {
        this.socket = socket;
    }

    public static FrameChannel connect(Path socketPath) throws IOException {
        return new FrameChannel(SocketChannel.open(UnixDomainSocketAddress.of(socketPath)));
    }

    public void send(FrameWriter frame) throws IOException {
        ByteBuffer buffer = frame.toBuffer();
        synchronized (sendLock) {
            while (buffer.hasRemaining()) {
                socket.write(buffer);
            }
        }
    }

    /** The next frame; {@link EOFException} when the peer has closed its end. */
    public Frame receive() throws IOException {
        return receive(Frame.MAX_BYTES);
    }

    /** The next frame, refused as malformed if larger than {@code maxBytes} (for peers not yet trusted). */
    public Frame receive(int maxBytes) throws IOException {
        buffer(Frame.HEADER_BYTES);
        int length = received.getInt();
        byte typeCode = received.get();
        if (length < 1 || length > maxBytes) {
            throw new IOException(MALFORMED + "length " + length + (length > maxBytes ? ", over the limit of "
                    + maxBytes + " bytes" : ""));
        }
        FrameType type;
        try {
            type = FrameType.of(typeCode);
        } catch (IllegalArgumentException e) {
            throw new IOException(MALFORMED + e.getMessage());
        }
        ByteBuffer body = ByteBuffer.allocate(length - 1);
        while (body.hasRemaining()) {
            if (!received.hasRemaining() && body.remaining() >= READ_BUFFER_BYTES) {
                read(body);   // a large body: straight in, not through the buffer
            } else {
                buffer(1);
                int take = Math.min(received.remaining(), body.remaining());
                body.put(received.slice(received.position(), take));
                received.position(received.position() + take);
            }
        }
        return new Frame(type, body.flip());
    }

    /** Reads until at least {@code bytes} (at most the buffer's size) are buffered. */
    private void buffer(int bytes) throws IOException {
        if (received.remaining() >= bytes) {
            return;
        }
        received.compact();
        try {
            while (received.position() < bytes) {
                read(received);
            }
        } finally {
            received.flip();
        }
    }

    private void read(ByteBuffer into) throws IOException {
        if (socket.read(into) < 0) {
            throw new EOFException("channel closed by peer");
        }
    }

    /**
     * Runs this JVM's first Unix domain socket code (the first costs tens of ms) and the frame code, leaving no
     * file behind: a connection to a socket that does not exist, and frames written and read in memory. For a
     * reserve worker waiting for its pool, which may be killed at any moment.
     */
    public static void warmUp(int rounds) {
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "processpool-nowhere-" + System.nanoTime() + ".sock");
        try (SocketChannel unexpected = SocketChannel.open(UnixDomainSocketAddress.of(nowhere))) {
            // someone made that path a socket: closed at once, nothing sent
        } catch (IOException expected) {
            // no such socket: the point was to load and run the code that says so
        }
        throughAPipe(new FrameWriter(FrameType.HELLO).putString("warm").toBuffer());
        for (int i = 0; i < rounds; i++) {
            ByteBuffer written = new FrameWriter(FrameType.HELLO).putString("warm").putLong(i).toBuffer();
            written.position(Frame.HEADER_BYTES);
            Frame frame = new Frame(FrameType.of(written.get(4)), written.slice());
            frame.getString();
            frame.getLong();
        }
    }

    /** Channel writes and reads as a socket's run them, through a pipe: it has no file to leave behind. */
    private static void throughAPipe(ByteBuffer frame) {
        try {
            Pipe pipe = Pipe.open();
            try (Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
                int bytes = frame.remaining();
                sink.write(frame.duplicate());
                sink.write(frame);
                source.read(ByteBuffer.allocateDirect(bytes));   // as into the read buffer
                source.read(ByteBuffer.allocate(bytes));         // as into a large frame's body
            }
        } catch (IOException ignored) {
            // only the warm-up is lost
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket: nothing left to do if it fails
        }
    }
}
