package dev.processpool.internal.codec;

/** What a value sent to or from a worker may be at most; beyond it, it is refused with a message saying so. */
public final class ValueLimits {
    /**
     * Containers (collections, maps, optionals, arrays, records) nested in one another. JSON-B writes and reads
     * nesting by recursion, in time that grows faster than the depth; a hundred levels cost a fraction of a second.
     */
    public static final int MAX_DEPTH = 100;

    private ValueLimits() {
    }
}
