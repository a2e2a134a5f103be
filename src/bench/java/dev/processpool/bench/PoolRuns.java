package dev.processpool.bench;

import dev.processpool.demo.PrimesDemo;
import dev.processpool.Pool;
import dev.processpool.PoolOptions;
import dev.processpool.ProcessContext;
import java.util.List;

/** What both harnesses do with whole pools: make one, time its first result, time the CPU-bound job on it. */
final class PoolRuns {
    private PoolRuns() {
    }

    static Pool newPool(String method, int processes) {
        return ProcessContext.of(method).newPool(PoolOptions.builder().processes(processes).build());
    }

    /** Create a pool of {@code processes} workers and get the result of one tiny task; closing is not timed. */
    static double timeToFirstResultMillis(String method, int processes) {
        long start = System.nanoTime();
        Pool pool = newPool(method, processes);
        try {
            pool.apply(BenchTasks::identity, 1);
            return millisSince(start);
        } finally {
            pool.close();
        }
    }

    /** Seconds of one {@code map} of the primes job over {@code ranges}, chunksize 1; checks the count. */
    static double cpuSeconds(Pool pool, List<PrimesDemo.Range> ranges, long expectedPrimes) {
        long start = System.nanoTime();
        long total = pool.map(PrimesDemo::countPrimes, ranges, 1).stream().mapToLong(Long::longValue).sum();
        double seconds = millisSince(start) / 1e3;
        if (total != expectedPrimes) {
            throw new IllegalStateException("counted " + total + " primes, expected " + expectedPrimes);
        }
        return seconds;
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
