package dev.processpool.internal.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which waiting chunks idle workers ask back. Each worker without work asks the worker holding the most waiting
 * chunks to give its last one back (REVOKE), one request per holder at a time. The holder gives it back if it
 * has not started it, and then it goes to the head of the queue ({@link Dispatcher#revoked}); if it has, its
 * result comes as usual. A chunk thus runs once, wherever it runs. Called under the pool's lock.
 */
final class ChunkStealing {
    private ChunkStealing() {
    }

    /** Marks the chunks asked back ({@link Worker#revoking}) and returns the sends of the requests. */
    static List<Runnable> revokes(Collection<Worker> connections, Predicate<Worker> canTakeMore) {
        List<Runnable> revokes = new ArrayList<>();
        for (Worker idle : connections) {
            if (!idle.inFlight.isEmpty() || !canTakeMore.test(idle)) {
                continue;
            }
            Worker holder = holderOfMostWaiting(connections);
            if (holder == null) {
                break;
            }
            Chunk waiting = holder.inFlight.peekLast();
            holder.revoking = waiting;
            revokes.add(() -> holder.connection.revoke(waiting));
        }
        return revokes;
    }

    /** The worker with the most chunks waiting behind its running one and no request pending; null if none waits. */
    private static Worker holderOfMostWaiting(Collection<Worker> connections) {
        Worker holder = null;
        for (Worker candidate : connections) {
            if (candidate.revoking == null && candidate.inFlight.size() > 1
                    && (holder == null || candidate.inFlight.size() > holder.inFlight.size())) {
                holder = candidate;
            }
        }
        return holder;
    }
}
