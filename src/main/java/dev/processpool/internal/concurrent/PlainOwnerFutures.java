package dev.processpool.internal.concurrent;

import java.util.concurrent.CompletableFuture;

/** Owner futures where no managed executor is available: {@link OwnedFuture}s. */
final class PlainOwnerFutures implements OwnerFutures {
    static final PlainOwnerFutures INSTANCE = new PlainOwnerFutures();

    private PlainOwnerFutures() {
    }

    @Override
    public <T> CompletableFuture<T> adopt(CompletableFuture<T> engineFuture, Object owner, Object ownerType) {
        return completeAsOwner(engineFuture, new OwnedFuture<>(owner, ownerType), owner, ownerType);
    }

    /** Completes {@code future} like {@code engineFuture}, with the owner executing on the completing thread. */
    static <T> CompletableFuture<T> completeAsOwner(CompletableFuture<T> engineFuture, CompletableFuture<T> future,
            Object owner, Object ownerType) {
        engineFuture.whenComplete((value, error) -> ExecutingOwners.runAs(owner, ownerType, () -> {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(value);
            }
        }));
        return future;
    }

    @Override
    public String toString() {
        return "plain owner futures";
    }
}
