package dev.processpool.bench;

import dev.processpool.demo.PrimesDemo.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * The tasks of the benchmarks, the same as {@code bench/python/bench_mp.py} runs on CPython. They run in the
 * workers, which find them by name on the parent's class path. The CPU-bound one is the demo's
 * ({@link dev.processpool.demo.PrimesDemo#countPrimes}: trial division, no sieve), on {@link Range}s of it.
 */
public final class BenchTasks {
    /** The CPU-bound workload: count the primes below 300,000 (there are 25,997) in 8 chunks. */
    static final int PRIMES_LIMIT = 300_000;
    static final int PRIMES_BELOW_LIMIT = 25_997;
    static final int PRIMES_CHUNKS = 8;

    private BenchTasks() {
    }

    public static int identity(int x) {
        return x;
    }

    public static int plusOne(int x) {
        return x + 1;
    }

    public static long workerPid(int ignored) {
        return ProcessHandle.current().pid();
    }

    /** {@code [0, limit)} in {@code parts} ranges of nearly equal length, highest (costliest) first. */
    static List<Range> primeRanges(int limit, int parts) {
        List<Range> ranges = new ArrayList<>(parts);
        for (int i = parts - 1; i >= 0; i--) {
            ranges.add(new Range((int) ((long) limit * i / parts), (int) ((long) limit * (i + 1) / parts)));
        }
        return ranges;
    }

    /** {@code [0, 1, ..., n-1]}. */
    static List<Integer> integers(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }
}
