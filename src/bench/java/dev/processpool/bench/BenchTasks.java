package dev.processpool.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The tasks of the benchmarks, the same as {@code bench/python/bench_mp.py} runs on CPython. They run in the
 * workers, which find them by name on the parent's class path.
 */
public final class BenchTasks {
    /** The CPU-bound workload: count the primes below 300,000 (there are 25,997) in 8 chunks. */
    static final int PRIMES_LIMIT = 300_000;
    static final int PRIMES_BELOW_LIMIT = 25_997;
    static final int PRIMES_CHUNKS = 8;

    private BenchTasks() {
    }

    /** The numbers {@code from <= n < to}; travels as {@code {"from":0,"to":37500}}. */
    public record Range(int from, int to) {
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

    /** CPU-bound on purpose: trial division, no sieve. */
    public static long countPrimes(Range range) {
        long count = 0;
        for (int n = range.from(); n < range.to(); n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
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
