package dev.processpool.internal.pool;

/**
 * Told once when a chunk is done, on the thread that read its result (keep it short, never block).
 * {@code results[i]} is the result of the chunk's item {@code i} where {@code errors[i]} is null.
 */
interface ChunkListener {
    void chunkDone(Chunk chunk, Object[] results, RuntimeException[] errors);
}
