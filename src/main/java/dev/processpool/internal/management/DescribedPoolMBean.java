package dev.processpool.internal.management;

import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.StandardMBean;

/**
 * A pool's MXBean as an administrator's console shows it: every attribute and operation with a description, the
 * parameter of {@code resize} named {@code processes} (not {@code p0}), and each operation's impact.
 */
final class DescribedPoolMBean extends StandardMBean {
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
            Map.entry("Name", "The pool's name: its configured name, else its owner's (ReportService.pool), else"
                    + " pool-<n>; -2, -3, ... when taken"),
            Map.entry("StartMethod", "How workers are started: forkserver or spawn"),
            Map.entry("Processes", "The number of worker processes the pool keeps: as configured, or as last resized"),
            Map.entry("MaxTasksPerChild", "Chunks a worker runs before it is replaced; 0 for no limit"),
            Map.entry("WorkersAlive", "Worker processes connected now, including those finishing their last chunk"),
            Map.entry("Workers", "Each connected worker: pid, residentBytes (VmRSS; -1 where unknown), ageMillis"
                    + " (since it connected), tasksRun (chunks run)"),
            Map.entry("TasksSubmitted", "Items accepted since the pool started"),
            Map.entry("TasksCompleted", "Items that returned a result"),
            Map.entry("TasksFailed", "Items that threw, whose worker died, or that the pool stopped before they ran"),
            Map.entry("WorkerRestarts", "Workers started to replace one that exited, died, failed to start or was"
                    + " recycled"),
            Map.entry("QueueDepth", "Items accepted but not yet handed to a worker"),
            Map.entry("TasksTimedOut", "Items that ran past the pool's taskTimeout (each failed with"
                    + " TaskTimeoutException)"),
            Map.entry("TasksCancelled", "Items withdrawn because their caller gave up (cancel, complete, orTimeout)"
                    + " before they were done"),
            Map.entry("WorkersRecycledForMemory", "Workers replaced because their resident memory was above"
                    + " maxMemoryPerChild after a chunk"),
            Map.entry("LongestRunningTaskMillis", "Age in ms of the oldest item running now, 0 if none: a hung task at"
                    + " a glance (items show once they have run about half a second)"),
            Map.entry("State", "RUNNING, CLOSING, CLOSED, TERMINATED or BROKEN (a broken pool stays listed until"
                    + " its owner goes; the operation restart starts it again)"),
            Map.entry("BrokenReason", "Why the pool broke; empty unless its state is BROKEN"),
            Map.entry("Owner", "The injection point that owns the pool (ReportService.pool); empty for a pool made"
                    + " in code"),
            Map.entry("Application", "The application (deployment) the pool belongs to; empty where not known"));
    private static final Map<String, String> OPERATIONS = Map.of(
            "resize", "Changes the number of worker processes now: new ones start at once, surplus ones leave once"
                    + " their chunks are done; at most the ceiling (system property processpool.maxProcesses)",
            "recycleWorkers", "Replaces every worker by a fresh one once it has finished the chunks it holds",
            "restart", "Starts a BROKEN pool again with fresh workers; refused for a pool that is not broken");

    DescribedPoolMBean(PoolMXBean pool) {
        super(pool, PoolMXBean.class, true);
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return "A processpool pool of worker processes";
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return ATTRIBUTES.getOrDefault(info.getName(), info.getDescription());
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return OPERATIONS.getOrDefault(info.getName(), info.getDescription());
    }

    @Override
    protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        return "resize".equals(op.getName()) ? "processes" : super.getParameterName(op, param, sequence);
    }

    @Override
    protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        return "resize".equals(op.getName()) ? "The number of worker processes to keep, from 1 to the ceiling"
                : super.getDescription(op, param, sequence);
    }

    /** Every operation changes the pool: ACTION. */
    @Override
    protected int getImpact(MBeanOperationInfo info) {
        return MBeanOperationInfo.ACTION;
    }
}
