package dev.processpool.internal.codec;

/**
 * Whether this JVM has needed JSON-B for task values or failures. A forkserver's reserve workers warm JSON-B up,
 * a few hundred ms of CPU each, only for parents that use it: pools of plain values never do.
 */
public final class JsonbUse {
    private static volatile boolean seen;

    private JsonbUse() {
    }

    static void record() {
        seen = true;
    }

    public static boolean seen() {
        return seen;
    }
}
