package dev.processpool.internal.pool;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Collects the chunks of one {@code map} into a list in input order. When every chunk is done, the future
 * completes with the list, or with the failure of the first failed item in input order.
 */
final class MapCollector implements ChunkListener {
    private final PagedResults results;
    private final CompletableFuture<List<Object>> future = new CompletableFuture<>();
    private int chunksLeft;
    private int firstFailedIndex = Integer.MAX_VALUE;
    private RuntimeException firstFailure;

    MapCollector(int items, int chunks) {
        this.results = new PagedResults(items);
        this.chunksLeft = chunks;
        if (chunks == 0) {
            future.complete(List.of());
        }
    }

    CompletableFuture<List<Object>> future() {
        return future;
    }

    @Override
    public void chunkDone(Chunk chunk, ChunkOutcome outcome) {
        boolean last;
        synchronized (this) {
            results.put(chunk.firstIndex, outcome);
            for (int i = 0; outcome.anyFailed() && i < outcome.size(); i++) {
                if (outcome.error(i) != null && chunk.firstIndex + i < firstFailedIndex) {
                    firstFailedIndex = chunk.firstIndex + i;
                    firstFailure = outcome.error(i);
                }
            }
            last = --chunksLeft == 0;
        }
        if (last) {
            if (firstFailure != null) {
                future.completeExceptionally(firstFailure);
            } else {
                future.complete(results);
            }
        }
    }
}
