package dev.processpool.cdi;

import dev.processpool.Pool;

/** A plain object the owner hands its pool to. */
final class SquareHelper {
    private final Pool pool;

    SquareHelper(Pool pool) {
        this.pool = pool;
    }

    int square(int x) {
        return pool.apply(Tasks::square, x);
    }
}
