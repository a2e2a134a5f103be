package dev.processpool.internal.pool;

import dev.processpool.internal.launch.StartedWorker;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The pool's record of one connected worker: its state, the chunks it holds and what it told of them. Guarded by
 * the {@link PoolCore}'s monitor. Its {@link WorkerConnection} is the channel's end, and nothing more.
 */
final class Worker {
    final WorkerConnection connection;
    private WorkerState state = WorkerState.STARTING;
    /** Chunks given to the worker, in order: the first is running, the others wait in its channel. */
    final Deque<Chunk> inFlight = new ArrayDeque<>();
    int tasksDone;
    /** When it connected to the pool (System.nanoTime), for its age. */
    long connectedNanos;
    /** When the chunk at the head of {@link #inFlight} began running, as far as the parent can tell. */
    long runningSince;
    /** The chunk asked back from it by an idle worker ({@link ChunkStealing}: REVOKE sent, no answer yet), or null. */
    Chunk revoking;
    /** What it told of the item it runs, and whether the pool is stopping it. */
    final RunningItem item = new RunningItem();

    Worker(WorkerConnection connection) {
        this.connection = connection;
    }

    WorkerState state() {
        return state;
    }

    /** For the {@link WorkerSupervisor} only. */
    void state(WorkerState next) {
        state = next;
    }

    long pid() {
        return connection.pid();
    }

    StartedWorker process() {
        return connection.process();
    }
}
