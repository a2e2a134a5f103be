package dev.processpool.internal.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A future whose dependent stages belong to the same owner: they are {@code OwnedFuture}s too
 * ({@link #newIncompleteFuture()}), and asynchronous stages without an explicit executor run with the owner
 * executing ({@link #defaultExecutor()}). Stages that run on the completing thread run as the owner because
 * {@link PlainOwnerFutures} completes the future as the owner.
 */
final class OwnedFuture<T> extends CompletableFuture<T> {
    private final Object owner;
    private final Object ownerType;

    OwnedFuture(Object owner, Object ownerType) {
        this.owner = owner;
        this.ownerType = ownerType;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new OwnedFuture<>(owner, ownerType);
    }

    @Override
    public Executor defaultExecutor() {
        Executor executor = super.defaultExecutor();
        return task -> executor.execute(() -> ExecutingOwners.runAs(owner, ownerType, task));
    }
}
