package dev.processpool.internal.concurrent;

/**
 * One owner executing on a thread, above the frames it was entered on. Immutable, so that the frames of a thread
 * are captured by keeping a reference to the innermost one.
 *
 * @param owner the executing object (compared by identity)
 * @param ownerType what kind of owner it is, for callers that look for the innermost owner of a kind (a CDI bean)
 * @param outer the frame below, or {@code null}
 */
public record OwnerFrame(Object owner, Object ownerType, OwnerFrame outer) {
}
