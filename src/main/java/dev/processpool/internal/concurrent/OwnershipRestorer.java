package dev.processpool.internal.concurrent;

import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import java.util.concurrent.atomic.AtomicBoolean;

/** Puts back the owners a thread had before a snapshot began on it; once only. */
final class OwnershipRestorer implements ThreadContextRestorer {
    private final OwnerFrame previous;
    private final AtomicBoolean ended = new AtomicBoolean();

    OwnershipRestorer(OwnerFrame previous) {
        this.previous = previous;
    }

    @Override
    public void endContext() {
        if (!ended.compareAndSet(false, true)) {
            throw new IllegalStateException("this pool ownership context has already ended");
        }
        ExecutingOwners.restore(previous);
    }
}
