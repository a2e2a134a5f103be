package dev.processpool.internal.concurrent;

import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;

/** The owners executing on a thread at one moment; {@link #begin()} installs them on the calling thread. */
final class OwnershipSnapshot implements ThreadContextSnapshot {
    private final OwnerFrame frames;

    OwnershipSnapshot(OwnerFrame frames) {
        this.frames = frames;
    }

    @Override
    public ThreadContextRestorer begin() {
        return new OwnershipRestorer(ExecutingOwners.install(frames));
    }

    @Override
    public String toString() {
        return "OwnershipSnapshot[" + (frames == null ? "no owner" : frames.owner()) + "]";
    }
}
