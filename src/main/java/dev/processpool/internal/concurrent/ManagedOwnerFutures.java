package dev.processpool.internal.concurrent;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.concurrent.CompletableFuture;

/**
 * Owner futures from a {@link ManagedExecutorService}: {@code newIncompleteFuture()} gives a managed future, whose
 * dependent stages run with the thread context of the code that created them (naming, class loader, security, and
 * pool ownership through {@link OwnershipContextProvider}) and whose default asynchronous executor is the managed
 * executor. It is completed as the owner, like a plain owner future.
 */
final class ManagedOwnerFutures implements OwnerFutures {
    private final ManagedExecutorService executor;

    ManagedOwnerFutures(ManagedExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <T> CompletableFuture<T> adopt(CompletableFuture<T> engineFuture, Object owner, Object ownerType) {
        return PlainOwnerFutures.completeAsOwner(engineFuture, executor.<T>newIncompleteFuture(), owner, ownerType);
    }

    @Override
    public String toString() {
        return "futures managed by " + executor;
    }
}
