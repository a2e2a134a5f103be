package dev.processpool.demo;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Counts the primes below N by trial division, once over a process pool and once on one thread of this JVM,
 * and prints both times and the speedup. The pool is injected into a CDI bean, {@link PrimeCounter}, running in
 * Weld SE: the container makes it and stops its workers.
 *
 * <pre>
 * mvn -q -Pdemo test-compile exec:exec
 * </pre>
 *
 * <p>The work is cut into {@value #RANGES} ranges; each range is one task. {@code PrimesDemo::countPrimes}
 * travels to the workers by name, each {@link Range} as JSON, each count back as JSON. An optional first
 * argument sets N (default {@value #DEFAULT_LIMIT}).
 */
public final class PrimesDemo {
    static final int DEFAULT_LIMIT = 20_000_000;
    static final int RANGES = 64;
    private static final int BAR_WIDTH = 40;

    private PrimesDemo() {
    }

    /** The numbers {@code from <= n < to}. A record travels as JSON: {@code {"from":0,"to":62500}}. */
    public record Range(int from, int to) {
    }

    /** The task: runs in a worker. CPU-bound on purpose (no sieve), so that the speedup shows. */
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
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** The warm-up task: the worker's pid, after a pause so that each worker takes one item. */
    public static long workerPid(int pauseMillis) throws InterruptedException {
        Thread.sleep(pauseMillis);
        return ProcessHandle.current().pid();
    }

    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_LIMIT;
        List<Range> ranges = split(limit, RANGES);

        long startedPool = System.nanoTime();
        long parallelTotal;
        long computeNanos;
        int processes;
        try (SeContainer container = startContainer()) {
            PrimeCounter counter = container.select(PrimeCounter.class).get();
            processes = counter.processes();
            System.out.printf("Counting the primes below %,d in %d ranges on %d worker processes (start method %s),"
                    + " in a bean with an injected pool%n", limit, ranges.size(), processes, counter.startMethod());
            // Workers start in the background; wait until each has run a task, so the timing below is the work.
            List<Long> pids = counter.warmUp();
            System.out.printf("Workers ready after %d ms, pids %s%n",
                    millis(System.nanoTime() - startedPool), new TreeSet<>(pids));

            long started = System.nanoTime();
            parallelTotal = counter.countPrimes(ranges, done -> drawBar(done, ranges.size(), started));
            computeNanos = System.nanoTime() - started;
            System.out.println();
        }   // the container stops the pool's workers
        long poolNanos = System.nanoTime() - startedPool;

        long started = System.nanoTime();
        long sequentialTotal = 0;
        int done = 0;
        for (Range range : ranges) {
            sequentialTotal += countPrimes(range);
            drawBar(++done, ranges.size(), started);
        }
        long sequentialNanos = System.nanoTime() - started;
        System.out.println();

        System.out.printf("Primes below %,d: %,d%n", limit, parallelTotal);
        System.out.printf("Pool of %d processes: %.2f s computing (%.2f s with starting and stopping the container)%n",
                processes, seconds(computeNanos), seconds(poolNanos));
        System.out.printf("One thread of this JVM: %.2f s%n", seconds(sequentialNanos));
        System.out.printf("Speedup: %.2fx (%.2fx counting container start-up and shutdown)%n",
                (double) sequentialNanos / computeNanos, (double) sequentialNanos / poolNanos);
        if (parallelTotal != sequentialTotal) {
            System.out.printf("MISMATCH: the pool counted %d, one thread %d%n", parallelTotal, sequentialTotal);
            System.exit(1);
        }
    }

    /**
     * Weld SE with bean discovery off: only the demo's bean, and the extensions registered as services (with
     * discovery off Weld SE loads none by itself), among them the library's, which adds the library's beans.
     */
    private static SeContainer startContainer() {
        Extension[] extensions = ServiceLoader.load(Extension.class).stream()
                .map(ServiceLoader.Provider::get)
                .toArray(Extension[]::new);
        return SeContainerInitializer.newInstance()
                .disableDiscovery()
                .addExtensions(extensions)
                .addBeanClasses(PrimeCounter.class)
                .initialize();
    }

    /**
     * {@code [0, limit)} cut into {@code parts} ranges of nearly equal length, highest first: they cost the most,
     * and starting with them keeps the workers equally busy to the end.
     */
    static List<Range> split(int limit, int parts) {
        List<Range> ranges = new ArrayList<>(parts);
        for (int i = parts - 1; i >= 0; i--) {
            int from = (int) ((long) limit * i / parts);
            int to = (int) ((long) limit * (i + 1) / parts);
            if (to > from) {
                ranges.add(new Range(from, to));
            }
        }
        return ranges;
    }

    private static void drawBar(int done, int total, long startedNanos) {
        int filled = done * BAR_WIDTH / total;
        System.out.printf("\r[%s%s] %3d/%d ranges %6.2f s", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
                done, total, seconds(System.nanoTime() - startedNanos));
        System.out.flush();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
