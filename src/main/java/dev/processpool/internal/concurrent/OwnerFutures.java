package dev.processpool.internal.concurrent;

import java.util.concurrent.CompletableFuture;

/**
 * Turns the futures of an engine pool into futures for the pool's owner: each completes with the owner executing
 * on the completing thread, so the dependent stages it triggers may use the pool.
 */
public interface OwnerFutures {
    /**
     * A future completed as {@code owner} (of {@code ownerType}, see {@link ExecutingOwners}) when
     * {@code engineFuture} completes.
     */
    <T> CompletableFuture<T> adopt(CompletableFuture<T> engineFuture, Object owner, Object ownerType);

    /** Futures whose asynchronous stages run on the default executor of {@link CompletableFuture}, as the owner. */
    static OwnerFutures plain() {
        return PlainOwnerFutures.INSTANCE;
    }
}
