package dev.processpool.internal.management;

import java.beans.ConstructorProperties;

/**
 * One worker process of a pool as JMX shows it (an item of the MXBean's {@code Workers}, composite data with these
 * four keys): its pid, resident memory, age and the chunks it has run.
 */
public final class WorkerFigures {
    private final long pid;
    private final long residentBytes;
    private final long ageMillis;
    private final long tasksRun;

    @ConstructorProperties({"pid", "residentBytes", "ageMillis", "tasksRun"})
    public WorkerFigures(long pid, long residentBytes, long ageMillis, long tasksRun) {
        this.pid = pid;
        this.residentBytes = residentBytes;
        this.ageMillis = ageMillis;
        this.tasksRun = tasksRun;
    }

    /** The worker's process id. */
    public long getPid() {
        return pid;
    }

    /** Its resident memory (Linux: VmRSS of /proc/&lt;pid&gt;/status) in bytes; -1 where the system does not say. */
    public long getResidentBytes() {
        return residentBytes;
    }

    /** Milliseconds since it connected to the pool. */
    public long getAgeMillis() {
        return ageMillis;
    }

    /** Chunks it has run to the end: what maxTasksPerChild counts (an apply is one chunk of one item). */
    public long getTasksRun() {
        return tasksRun;
    }

    @Override
    public String toString() {
        return "worker " + pid + " (" + residentBytes + " bytes resident, " + ageMillis + " ms old, " + tasksRun
                + " tasks run)";
    }
}
