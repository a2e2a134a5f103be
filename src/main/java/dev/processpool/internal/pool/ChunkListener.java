package dev.processpool.internal.pool;

/** Told once when a chunk is done, on the thread that read its result (keep it short, never block). */
interface ChunkListener {
    void chunkDone(Chunk chunk, ChunkOutcome outcome);
}
