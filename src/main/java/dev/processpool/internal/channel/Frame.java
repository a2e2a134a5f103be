package dev.processpool.internal.channel;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** One received frame: its type and a cursor over its body. */
public final class Frame {
    /** Length (4 bytes, not counting itself) and type (1 byte). */
    static final int HEADER_BYTES = 5;
    /** Larger frames are refused: a peer that sends one is broken or hostile. */
    public static final int MAX_BYTES = 1 << 30;

    private final FrameType type;
    private final ByteBuffer body;

    Frame(FrameType type, ByteBuffer body) {
        this.type = type;
        this.body = body;
    }

    public FrameType type() {
        return type;
    }

    public int getInt() {
        return body.getInt();
    }

    public long getLong() {
        return body.getLong();
    }

    /**
     * The long the body starts with, wherever the cursor is: safe while another thread reads the frame (a
     * queue's {@code removeIf} tests frames that its consumer may have just taken).
     */
    public long firstLong() {
        return body.getLong(0);
    }

    public boolean getBoolean() {
        return body.get() != 0;
    }

    public byte[] getBytes() {
        int length = body.getInt();
        if (length < 0 || length > body.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] value = new byte[length];
        body.get(value);
        return value;
    }

    public String getString() {
        return new String(getBytes(), StandardCharsets.UTF_8);
    }
}
