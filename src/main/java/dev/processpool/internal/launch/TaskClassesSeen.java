package dev.processpool.internal.launch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of the tasks this JVM's pools have sent that workers find on the class path, newest last, at most
 * {@value #KEPT}: a forkserver's reserve workers load them while they wait, so that a pool's first task does not
 * (CPython's forkserver preloads the modules of the main program alike).
 */
public final class TaskClassesSeen {
    static final int KEPT = 32;
    private static final Map<String, Boolean> SEEN = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > KEPT;
                }
            });

    private TaskClassesSeen() {
    }

    /** @param className a task's class on the class path; null (a class workers cannot load ahead) is ignored */
    public static void record(String className) {
        if (className != null) {
            SEEN.put(className, Boolean.TRUE);
        }
    }

    public static List<String> list() {
        synchronized (SEEN) {
            return new ArrayList<>(SEEN.keySet());
        }
    }
}
