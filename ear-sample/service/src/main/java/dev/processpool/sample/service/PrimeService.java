package dev.processpool.sample.service;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts primes in worker processes: the range is cut into parts, counted in parallel by the two workers of a pool
 * of the default start method ({@code forkserver} on Linux). The container makes the pool, stops it at undeployment,
 * and lets only this bean call it.
 */
@ApplicationScoped
public class PrimeService {
    @Inject
    @ProcessPool(processes = 2)
    Pool pool;

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
