package dev.processpool.internal.concurrent;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The owners executing on each thread: a stack of {@link OwnerFrame}s in a thread-local. An owner is executing on a
 * thread while one of its frames is on that thread's stack, however deep: code it calls (other objects, helpers)
 * runs above its frame.
 *
 * <p>Frames are entered and left in strict nesting ({@link #enter} returns what {@link #restore} puts back).
 * A thread with no frames holds no thread-local value, so pooled threads keep nothing of an owner.
 */
public final class ExecutingOwners {
    private static final ThreadLocal<OwnerFrame> FRAMES = new ThreadLocal<>();

    private ExecutingOwners() {
    }

    /** The innermost frame of this thread, or {@code null} if no owner is executing here. */
    public static OwnerFrame current() {
        return FRAMES.get();
    }

    /** Whether {@code owner} (by identity) is executing on this thread. */
    public static boolean isExecuting(Object owner) {
        for (OwnerFrame frame = FRAMES.get(); frame != null; frame = frame.outer()) {
            if (frame.owner() == owner) {
                return true;
            }
        }
        return false;
    }

    /** The innermost executing owner if it is of {@code ownerType} (by {@code equals}); else {@code null}. */
    public static Object innermostOf(Object ownerType) {
        OwnerFrame frame = FRAMES.get();
        return frame != null && Objects.equals(frame.ownerType(), ownerType) ? frame.owner() : null;
    }

    /** Marks {@code owner} executing on this thread; returns the frames to {@linkplain #restore restore} after. */
    public static OwnerFrame enter(Object owner, Object ownerType) {
        Objects.requireNonNull(owner, "owner");
        OwnerFrame outer = FRAMES.get();
        FRAMES.set(new OwnerFrame(owner, ownerType, outer));
        return outer;
    }

    /** Makes {@code frames} this thread's frames (a snapshot taken elsewhere); returns the ones it replaces. */
    public static OwnerFrame install(OwnerFrame frames) {
        OwnerFrame replaced = FRAMES.get();
        restore(frames);
        return replaced;
    }

    /** Puts back the frames {@link #enter} or {@link #install} returned. */
    public static void restore(OwnerFrame frames) {
        if (frames == null) {
            FRAMES.remove();
        } else {
            FRAMES.set(frames);
        }
    }

    /** Runs {@code action} with {@code owner} executing on this thread. */
    public static <V> V callAs(Object owner, Object ownerType, Callable<V> action) throws Exception {
        OwnerFrame outer = enter(owner, ownerType);
        try {
            return action.call();
        } finally {
            restore(outer);
        }
    }

    /** Runs {@code action} with {@code owner} executing on this thread. */
    public static void runAs(Object owner, Object ownerType, Runnable action) {
        OwnerFrame outer = enter(owner, ownerType);
        try {
            action.run();
        } finally {
            restore(outer);
        }
    }
}
