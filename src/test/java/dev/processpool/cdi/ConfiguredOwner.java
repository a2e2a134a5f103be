package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** An owner whose pool sets every member of the annotation. */
@ApplicationScoped
public class ConfiguredOwner {
    static final String MARKER = "-Dprocesspool.cdi.marker=configured";

    @Inject
    @ProcessPool(name = "configured", startMethod = "spawn", processes = 2, maxTasksPerChild = 2,
            initializer = MarksWorker.class, jvmOptions = {MARKER, "-Xmx96m"})
    Pool pool;

    public String startMethod() {
        return pool.startMethod();
    }

    public int processes() {
        return pool.processes();
    }

    public long workerParentPid() {
        return pool.apply(Tasks::parentPid, 0);
    }

    public String workerProperty(String name) {
        return pool.apply(Tasks::property, name);
    }

    /** The worker pid of each of {@code tasks} tasks, one after the other. */
    public List<Long> pidsOfSequentialTasks(int tasks) {
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            pids.add(pool.apply(Tasks::pid, i));
        }
        return pids;
    }
}
