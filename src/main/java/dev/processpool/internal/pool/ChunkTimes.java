package dev.processpool.internal.pool;

/**
 * How long a pool's chunks take to run, as a moving average of the latest ones: tells whether workers may
 * hold several chunks at once. Unknown (so not short) until the first chunks have finished. Guarded by the
 * pool's monitor.
 */
final class ChunkTimes {
    /** Weight of the newest chunk in the average: about the last eight count. */
    private static final double WEIGHT = 0.125;

    private double averageNanos = Double.NaN;

    void add(long nanos) {
        averageNanos = Double.isNaN(averageNanos) ? nanos : averageNanos + WEIGHT * (nanos - averageNanos);
    }

    boolean isShort(long limitNanos) {
        return averageNanos < limitNanos;
    }
}
