package dev.processpool.internal.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds the body of one frame. Not thread-safe; one per frame. */
public final class FrameWriter {
    private final FrameType type;
    private byte[] bytes = new byte[256];
    private int size = Frame.HEADER_BYTES;

    public FrameWriter(FrameType type) {
        this.type = type;
    }

    public FrameWriter putInt(int value) {
        ensure(4);
        ByteBuffer.wrap(bytes, size, 4).putInt(value);
        size += 4;
        return this;
    }

    public FrameWriter putLong(long value) {
        ensure(8);
        ByteBuffer.wrap(bytes, size, 8).putLong(value);
        size += 8;
        return this;
    }

    public FrameWriter putBoolean(boolean value) {
        ensure(1);
        bytes[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    public FrameWriter putBytes(byte[] value) {
        putInt(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    public FrameWriter putString(String value) {
        return putBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The whole frame, header included, ready to write. */
    ByteBuffer toBuffer() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, size);
        buffer.putInt(0, size - 4).put(4, (byte) type.ordinal());
        return buffer;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
