package dev.processpool.internal.workerjvm;

/**
 * A worker JVM's launch contract: its main class and the system properties it reads. Its standard input carries
 * {@link WarmUpHints} (a reserve worker's, first) and then one line, {@code socket-path TAB token}, read with
 * {@link StdinLine}: never the command line, which other users can read.
 */
public final class WorkerJvm {
    /** The main class of every worker JVM (named, not referenced: the launching side does not load it). */
    public static final String MAIN_CLASS = "dev.processpool.internal.worker.WorkerMain";
    /** Makes a reserve worker warm up before it waits for its pool: further classes to load, or "-". */
    public static final String PRELOAD_PROPERTY = "processpool.preload";
    /**
     * Makes this JVM only run a reserve worker's warm-up to its end, then exit: a class-data archive's run. Its
     * value is {@value #ARCHIVING_WITH_JSONB} for an archive with JSON-B, anything else for one without.
     */
    public static final String ARCHIVING_PROPERTY = "processpool.archiving";
    public static final String ARCHIVING_WITH_JSONB = "jsonb";
    /** What a reserve worker prints on its standard output once it is warm; its forkserver hands out warm workers first. */
    public static final String WARM_LINE = "processpool-worker-warm";

    private WorkerJvm() {
    }
}
