package dev.processpool.sample.batch;

import dev.processpool.sample.service.Hashed;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The hashes each job execution wrote, by execution id, for the API to read. */
@ApplicationScoped
public class JobResults {
    private final Map<Long, List<Hashed>> hashes = new ConcurrentHashMap<>();

    void add(long executionId, List<Hashed> written) {
        hashes.computeIfAbsent(executionId, id -> java.util.Collections.synchronizedList(new ArrayList<>())).addAll(written);
    }

    public List<Hashed> of(long executionId) {
        List<Hashed> written = hashes.get(executionId);
        if (written == null) {
            return List.of();
        }
        synchronized (written) {
            return List.copyOf(written);
        }
    }
}
