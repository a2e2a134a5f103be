package dev.processpool.internal.pool;

/**
 * What the pool knows of the item one worker is running, from its PROGRESS reports, and whether the pool is
 * stopping that worker (time limit, cancellation) and why. Guarded by the {@link PoolCore}'s monitor.
 */
final class RunningItem {
    /** Why the pool stops a worker: its death is then no accident, and the running item fails accordingly. */
    enum Stop { NONE, TIMED_OUT, CANCELLED }

    /** The chunk the report was about; the index holds only while it is the worker's running chunk. */
    private Chunk chunk;
    private int index = -1;
    /** When the item began, in the parent's {@link System#nanoTime()}. */
    private long since;
    /** The worker said the item ran past the time limit and interrupted it. */
    private boolean timedOut;
    /** When the worker last said anything. */
    long lastHeard = System.nanoTime();
    /** When the pool asked the worker to stop the running chunk, its caller having given up on it; 0 if not. */
    long cancelSince;
    Stop stop = Stop.NONE;

    void reported(Chunk reportedChunk, int runningIndex, long startedAt, boolean pastLimit, long now) {
        lastHeard = now;
        if (runningIndex < 0) {
            if (reportedChunk == chunk) {
                index = -1;
                timedOut = false;
            }
            return;
        }
        if (reportedChunk != chunk || runningIndex != index) {
            chunk = reportedChunk;
            index = runningIndex;
            since = startedAt;
            timedOut = false;
        }
        timedOut |= pastLimit;
    }

    /** The worker's running chunk changed (one ended, the next began). */
    void nextChunk(long now) {
        chunk = null;
        index = -1;
        timedOut = false;
        cancelSince = 0;
        lastHeard = now;
    }

    /** The index of the item of {@code running} the worker said it runs, or -1. */
    int index(Chunk running) {
        return running != null && running == chunk ? index : -1;
    }

    /** Since when the item of {@code running} runs, as the worker told; or {@code otherwise}. */
    long since(Chunk running, long otherwise) {
        return index(running) >= 0 ? since : otherwise;
    }

    boolean timedOut(Chunk running) {
        return index(running) >= 0 && timedOut;
    }
}
