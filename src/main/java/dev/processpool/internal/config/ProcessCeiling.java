package dev.processpool.internal.config;

/**
 * The most worker processes one pool may have, so that no setting, configuration or administrator's resize can start
 * a fork storm: the system property {@value #PROPERTY}, by default {@code max(64, 8 x availableProcessors)}. Read at
 * each check, so it can be raised on a running server.
 */
public final class ProcessCeiling {
    public static final String PROPERTY = "processpool.maxProcesses";

    private ProcessCeiling() {
    }

    public static int value() {
        int fallback = Math.max(64, 8 * Runtime.getRuntime().availableProcessors());
        Integer configured = Integer.getInteger(PROPERTY);
        return configured != null && configured >= 1 ? configured : fallback;
    }

    /** Why {@code processes} is refused ({@code what}: where it was asked for), or null if within the ceiling. */
    public static String problem(String what, int processes) {
        int ceiling = value();
        if (processes <= ceiling) {
            return null;
        }
        return what + " asks for " + processes + " worker processes, above the ceiling of " + ceiling
                + " per pool; use at most " + ceiling + ", or raise the ceiling with the system property "
                + PROPERTY;
    }

    /** @throws IllegalArgumentException naming the ceiling and its property if {@code processes} is above it */
    public static void check(String what, int processes) {
        String problem = problem(what, processes);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
