package dev.processpool.sample.service;

import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Counts primes in worker processes: the range is cut into parts, counted in parallel. */
@ApplicationScoped
public class PrimeService {
    private Pool pool;

    @PostConstruct
    void start() {
        pool = ProcessContext.of("spawn").newPool(PoolOptions.builder().processes(2).build());
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    public PrimeCount count(long from, long to, int parts) {
        if (from < 0 || to < from || parts < 1) {
            throw new IllegalArgumentException("need 0 <= from <= to and parts >= 1, got from=" + from + ", to=" + to
                    + ", parts=" + parts);
        }
        List<Counted> counted = pool.map(Tasks::countPrimes, split(from, to, parts), 1);
        long count = counted.stream().mapToLong(Counted::count).sum();
        Set<Long> pids = new TreeSet<>();
        counted.forEach(c -> pids.add(c.pid()));
        return new PrimeCount(from, to, count, pids);
    }

    static List<Range> split(long from, long to, int parts) {
        List<Range> ranges = new ArrayList<>();
        long size = Math.max(1, (to - from + parts - 1) / parts);
        for (long start = from; start < to; start += size) {
            ranges.add(new Range(start, Math.min(to, start + size)));
        }
        return ranges;
    }
}
