package dev.processpool.internal.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The pool's queue of chunks and who runs them: which worker gets which chunk, how many each holds, and the
 * chunks idle workers ask back ({@link ChunkStealing}). Part of a {@link PoolCore}: guarded by its monitor, and
 * every method is called with it held; those that return actions leave them for the caller to run after.
 */
final class Dispatcher {
    /**
     * Chunks a worker holds at once. More than one saves the worker a round trip to the parent between chunks:
     * most of a tiny task's cost, and for long chunks a gap in which a core idles while the parent, on the
     * same busy cores, gets around to sending the next one. But a chunk waiting behind a slow one waits even
     * when another worker is free: so a worker holds four while the chunks of this pool take less than
     * {@link #SHORT_CHUNK_NANOS} on average, where that wait is short too, and else two, and a worker that
     * runs out of work while the queue is empty asks a waiting one back from another worker
     * ({@link ChunkStealing}).
     */
    private static final int CHUNKS_PER_WORKER_SHORT = 4;
    private static final int CHUNKS_PER_WORKER_LONG = 2;
    private static final long SHORT_CHUNK_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final PoolCore core;
    private final ItemCounts itemCounts;
    private WorkerSupervisor workers;
    private final Deque<Chunk> queue = new ArrayDeque<>();
    private final ChunkTimes chunkTimes = new ChunkTimes();
    /** Chunks sent and not yet completed. */
    private int busy;
    private long tasksSubmitted;

    Dispatcher(PoolCore core, ItemCounts itemCounts) {
        this.core = core;
        this.itemCounts = itemCounts;
    }

    void workers(WorkerSupervisor supervisor) {
        this.workers = supervisor;
    }

    void queueLocked(List<Chunk> chunks) {
        for (Chunk chunk : chunks) {
            chunk.counts = itemCounts;
            tasksSubmitted += chunk.size;
        }
        queue.addAll(chunks);
    }

    /** No chunk queued or sent: a closing pool can let its workers go. */
    boolean idleLocked() {
        return queue.isEmpty() && busy == 0;
    }

    boolean queueEmptyLocked() {
        return queue.isEmpty();
    }

    int queuedChunksLocked() {
        return queue.size();
    }

    /** Items queued, not yet sent to a worker. */
    int queueDepthLocked() {
        int items = 0;
        for (Chunk chunk : queue) {
            items += chunk.size;
        }
        return items;
    }

    long tasksSubmittedLocked() {
        return tasksSubmitted;
    }

    /**
     * Gives queued chunks to the workers holding the fewest: up to {@link #CHUNKS_PER_WORKER_SHORT} each while
     * the pool's chunks are short, else {@link #CHUNKS_PER_WORKER_LONG}. With the queue empty, idle workers
     * steal.
     */
    List<Runnable> assignLocked() {
        List<Runnable> sends = new ArrayList<>();
        boolean shortChunks = chunkTimes.isShort(SHORT_CHUNK_NANOS);
        int chunksPerWorker = shortChunks ? CHUNKS_PER_WORKER_SHORT : CHUNKS_PER_WORKER_LONG;
        for (int held = 0; held < chunksPerWorker && !queue.isEmpty(); held++) {
            for (Worker worker : workers.connectedLocked()) {
                if (queue.isEmpty()) {
                    break;
                }
                if (worker.inFlight.size() == held && workers.canTakeMore(worker)
                        && (held > 0 || mayStartWorkLocked())) {
                    give(worker, queue.poll(), sends);
                }
            }
        }
        if (queue.isEmpty() && !shortChunks) {   // short chunks are not worth the round trip
            sends.addAll(ChunkStealing.revokes(workers.connectedLocked(),
                    idle -> workers.canTakeMore(idle) && mayStartWorkLocked()));
        }
        return sends;
    }

    private void give(Worker worker, Chunk chunk, List<Runnable> sends) {
        if (worker.inFlight.isEmpty()) {
            worker.runningSince = System.nanoTime();
        }
        worker.inFlight.add(chunk);
        worker.connection.toSend.add(chunk);
        busy++;
        sends.add(worker.connection::sendQueued);
        if (!workers.canTakeMore(worker)) {
            sends.addAll(workers.lastChunkGivenLocked(worker));
        }
    }

    /**
     * Whether an idle worker may start on a chunk: no more than {@code processes} workers hold chunks at once,
     * even while a successor started early waits beside the worker it replaces, or a resized pool's surplus
     * finishes its chunks.
     */
    private boolean mayStartWorkLocked() {
        return workers.connectedLocked().stream().filter(worker -> !worker.inFlight.isEmpty()).count()
                < core.processes();
    }

    /** The worker's answer to REVOKE: a chunk given back goes to the head of the queue, for an idle worker. */
    void revoked(Worker worker, long chunkId, boolean givenBack) {
        List<Runnable> actions;
        synchronized (core) {
            actions = revokedLocked(worker, chunkId, givenBack);
        }
        actions.forEach(Runnable::run);
    }

    private List<Runnable> revokedLocked(Worker worker, long chunkId, boolean givenBack) {
        Chunk chunk = worker.revoking;
        worker.revoking = null;
        if (core.stateLocked().isFinal() || chunk == null || chunk.id != chunkId) {
            return List.of();
        }
        List<Runnable> actions = new ArrayList<>();
        if (givenBack && worker.inFlight.remove(chunk)) {
            busy--;
            queue.addFirst(chunk);
            actions.addAll(workers.retireIfDrainedLocked(worker));
        }
        actions.addAll(assignLocked());
        return actions;
    }

    /** The worker's running chunk is done: the next one it holds, if any, starts now. */
    Chunk chunkDoneLocked(Worker worker) {
        Chunk done = worker.inFlight.pollFirst();
        long now = System.nanoTime();
        chunkTimes.add(now - worker.runningSince);
        worker.runningSince = now;
        worker.item.nextChunk(now);
        busy--;
        worker.tasksDone++;
        return done;
    }

    /** The worker's running chunk failed with it: it is no longer the worker's. */
    void runningLostLocked(Worker worker) {
        worker.inFlight.pollFirst();
        busy--;
    }

    /** Puts the chunks a worker holds but will not run back at the head of the queue, in their order. */
    void requeueLocked(Worker worker) {
        while (!worker.inFlight.isEmpty()) {
            Chunk chunk = worker.inFlight.pollLast();
            busy--;
            putBackLocked(chunk);
        }
    }

    /** A chunk (or what is left of it) goes to the head of the queue, unless the pool stopped or its caller left. */
    void putBackLocked(Chunk chunk) {
        if (!core.stateLocked().isFinal() && !chunk.withdrawn()) {
            queue.addFirst(chunk);
        }
    }

    /** The worker dropped a cancelled chunk before it started; false if it held no such chunk. */
    boolean droppedLocked(Worker worker, long chunkId) {
        if (!worker.inFlight.removeIf(chunk -> chunk.id == chunkId)) {
            return false;
        }
        busy--;
        return true;
    }

    void withdrawLocked(Set<Chunk> withdrawn) {
        queue.removeIf(withdrawn::contains);
    }

    /** Empties the queue and the workers' hands (the pool stops): every chunk not done. */
    List<Chunk> takeUnfinishedLocked(List<Worker> holders) {
        List<Chunk> unfinished = new ArrayList<>(queue);
        queue.clear();
        for (Worker worker : holders) {
            unfinished.addAll(worker.inFlight);
        }
        return unfinished;
    }
}
