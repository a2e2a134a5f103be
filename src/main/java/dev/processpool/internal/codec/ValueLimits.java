package dev.processpool.internal.codec;

/** What a value sent to or from a worker may be at most; beyond it, it is refused with a message saying so. */
public final class ValueLimits {
    /**
     * Containers (collections, maps, optionals, arrays, records) nested in one another. JSON-B writes and reads
     * nesting by recursion, in time that grows faster than the depth; a hundred levels cost a fraction of a second.
     */
    public static final int MAX_DEPTH = 100;

    /**
     * The encoded values of one chunk, inputs or results: what a frame carries ({@code Frame.MAX_BYTES}, 1 GiB)
     * less room for the task's code and the frame's other fields.
     */
    public static final int MAX_ENCODED_BYTES = dev.processpool.internal.channel.Frame.MAX_BYTES - (1 << 20);

    private ValueLimits() {
    }

    /** The message for values over {@link #MAX_ENCODED_BYTES}; {@code bytes} is at least their size. */
    public static String tooBig(long bytes) {
        return String.format("it takes %s as JSON, over the %s that one message between a pool and its worker"
                + " carries; send it in smaller parts (smaller inputs, a smaller chunksize), or write it to a file"
                + " and send its path", mebibytes(bytes), mebibytes(MAX_ENCODED_BYTES));
    }

    private static String mebibytes(long bytes) {
        return String.format("%,d MiB", bytes >> 20);
    }
}
