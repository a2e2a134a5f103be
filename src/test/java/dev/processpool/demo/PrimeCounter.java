package dev.processpool.demo;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import dev.processpool.demo.PrimesDemo.Range;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The demo's bean: counts primes on the pool the container injects, one worker per available processor, with the
 * default start method. The container stops the workers when it shuts down.
 */
@ApplicationScoped
public class PrimeCounter {
    @Inject
    @ProcessPool
    Pool pool;

    public String startMethod() {
        return pool.startMethod();
    }

    public int processes() {
        return pool.processes();
    }

    /** Runs one short task per worker, so that every worker is up; returns their pids. */
    public List<Long> warmUp() {
        return pool.map(PrimesDemo::workerPid, Collections.nCopies(processes(), 100), 1);
    }

    /** The number of primes in all {@code ranges}; {@code progress} hears of each range done. */
    public long countPrimes(List<Range> ranges, IntConsumer progress) {
        long total = 0;
        int done = 0;
        Iterator<Long> counts = pool.imapUnordered(PrimesDemo::countPrimes, ranges, 1);
        while (counts.hasNext()) {
            total += counts.next();
            progress.accept(++done);
        }
        return total;
    }
}
