package dev.processpool.sample.second;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the {@code mark-words} job wrote, by job instance (all its executions), in the order written. */
@ApplicationScoped
public class MarkedWords {
    private final Map<Long, List<String>> written = new ConcurrentHashMap<>();

    void add(long instanceId, List<String> words) {
        written.computeIfAbsent(instanceId, id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .addAll(words);
    }

    public List<String> of(long instanceId) {
        List<String> words = written.get(instanceId);
        if (words == null) {
            return List.of();
        }
        synchronized (words) {
            return List.copyOf(words);
        }
    }
}
