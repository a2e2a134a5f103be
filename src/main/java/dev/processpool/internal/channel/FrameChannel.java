package dev.processpool.internal.channel;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Frames over a connected socket. One thread may {@link #receive()} while others {@link #send} (sends are
 * serialised). Closing it wakes a blocked receiver with an {@link IOException}.
 */
public final class FrameChannel implements AutoCloseable {
    private final SocketChannel socket;
    private final ByteBuffer header = ByteBuffer.allocate(Frame.HEADER_BYTES);
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
        header.clear();
        readFully(header);
        int length = header.getInt(0);
        if (length < 1 || length > maxBytes) {
            throw new IOException("malformed frame: length " + length);
        }
        FrameType type;
        try {
            type = FrameType.of(header.get(4));
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed frame: " + e.getMessage());
        }
        ByteBuffer body = ByteBuffer.allocate(length - 1);
        readFully(body);
        body.flip();
        return new Frame(type, body);
    }

    private void readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (socket.read(buffer) < 0) {
                throw new EOFException("channel closed by peer");
            }
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
        for (int i = 0; i < rounds; i++) {
            ByteBuffer written = new FrameWriter(FrameType.HELLO).putString("warm").putLong(i).toBuffer();
            written.position(Frame.HEADER_BYTES);
            Frame frame = new Frame(FrameType.of(written.get(4)), written.slice());
            frame.getString();
            frame.getLong();
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
