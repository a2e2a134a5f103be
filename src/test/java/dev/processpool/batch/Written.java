package dev.processpool.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the delegate writer wrote, chunk by chunk, per job instance (the same across a restart). */
@ApplicationScoped
public class Written {
    private final Map<Long, List<List<Tagged>>> chunks = new ConcurrentHashMap<>();

    void add(long jobInstance, List<Tagged> chunk) {
        chunks.computeIfAbsent(jobInstance, id -> new ArrayList<>()).add(List.copyOf(chunk));
    }

    public List<List<Tagged>> chunksOf(long jobInstance) {
        return List.copyOf(chunks.getOrDefault(jobInstance, List.of()));
    }
}
