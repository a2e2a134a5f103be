package dev.processpool.internal.pool;

import java.util.Collections;
import java.util.List;

/**
 * A done chunk's items, each a result or the error it failed with. The results are the decoded list itself and
 * errors are kept only where an item failed: a chunk of 125,000 tiny results costs no arrays beside them.
 */
final class ChunkOutcome {
    private final List<?> results;
    /** By item; null when no item failed on its own. */
    private final RuntimeException[] errors;
    /** The error of every item, when the chunk failed as a whole; else null. */
    private final RuntimeException wholeFailure;

    private ChunkOutcome(List<?> results, RuntimeException[] errors, RuntimeException wholeFailure) {
        this.results = results;
        this.errors = errors;
        this.wholeFailure = wholeFailure;
    }

    /** @param errors by item, null where it succeeded; the array itself null when none failed */
    static ChunkOutcome of(List<?> results, RuntimeException[] errors) {
        return new ChunkOutcome(results, errors, null);
    }

    static ChunkOutcome failed(int size, RuntimeException error) {
        return new ChunkOutcome(Collections.nCopies(size, null), null, error);
    }

    int size() {
        return results.size();
    }

    /** The result of item {@code index}; null if it failed. */
    Object result(int index) {
        return results.get(index);
    }

    /** The error item {@code index} failed with; null if it succeeded. */
    RuntimeException error(int index) {
        return wholeFailure != null ? wholeFailure : errors == null ? null : errors[index];
    }

    boolean anyFailed() {
        return wholeFailure != null || errors != null;
    }
}
