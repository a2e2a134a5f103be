#!/usr/bin/env python3
"""The processpool benchmark workloads on CPython's multiprocessing.Pool, for each start method.

Prints one JSON document on stdout (progress goes to stderr). Standard library only.
With --headline, the headline figures instead (fresh pools, pools back to back and half a second apart, memory
after work), as HeadlineBenchmark measures them on the Java side.
Each figure is repeated; the JSON keeps every sample so that the report can take medians.
The Java side (src/bench/java/dev/processpool/bench) runs the same workloads with the same sizes.

    python3 bench/python/bench_mp.py [--headline] [--quick]
"""
import json
import math
import multiprocessing as mp
import os
import platform
import sys
import time

WORKERS = 2
FIRST_RESULT_ROUNDS = 15
BETWEEN_POOLS_SECONDS = 1.5
CHURN_TASKS = 50
CHURN_ROUNDS = 3
APPLY_WARMUP = 200
APPLY_CALLS = 2000
THROUGHPUT_WARMUP = 2
THROUGHPUT_ROUNDS = 8
PRIMES_LIMIT = 300_000
PRIMES_CHUNKS = 8
CPU_ROUNDS = 10
RSS_ROUNDS = 3
IDLE_PAUSE_S = 0.5
# the headline (HeadlineBenchmark)
HEADLINE_FIRST_RESULT_ROUNDS = 10
APART_S = 0.5
FRESH_ROUNDS = 5
FRESH_APPLY_CALLS = 1000
IDLE_AFTER_WORK_S = 2.0
HEADLINE_CPU_ROUNDS = 5
LONG_CPU_ROUNDS = 1          # CPython takes about 20 s for the long job on one worker
LONG_PRIMES_LIMIT = 6_000_000
LONG_PRIMES_CHUNKS = 16
LONG_PRIMES_BELOW_LIMIT = 412_849


# --- the tasks (module level, so that spawn and forkserver children find them by name) ---

def identity(x):
    return x


def plus_one(x):
    return x + 1


def worker_pid(_):
    return os.getpid()


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_primes(bounds):
    start, stop = bounds
    return sum(1 for n in range(start, stop) if is_prime(n))


def prime_ranges(limit, parts):
    """[0, limit) in `parts` ranges of nearly equal length, highest (costliest) first, as the Java side."""
    return [(limit * i // parts, limit * (i + 1) // parts) for i in reversed(range(parts))]


# --- the figures ---

def log(message):
    print(message, file=sys.stderr, flush=True)


def time_to_first_result_ms(ctx):
    """Create a 2-worker pool and get the result of one tiny task; closing is not timed."""
    start = time.perf_counter()
    pool = ctx.Pool(WORKERS)
    pool.apply(identity, (1,))
    elapsed = time.perf_counter() - start
    pool.close()
    pool.join()
    return elapsed * 1e3


def churn_ms_per_task(ctx, tasks):
    """A 1-worker pool with maxtasksperchild=1: every task needs a new worker."""
    with ctx.Pool(1, maxtasksperchild=1) as pool:
        pool.apply(identity, (0,))
        start = time.perf_counter()
        for i in range(tasks):
            pool.apply(identity, (i,))
        elapsed = time.perf_counter() - start
        pool.close()
        pool.join()
    return elapsed * 1e3 / tasks


def apply_round_trips_us(pool):
    for i in range(APPLY_WARMUP):
        pool.apply(identity, (i,))
    samples = []
    for i in range(APPLY_CALLS):
        start = time.perf_counter_ns()
        pool.apply(identity, (i,))
        samples.append((time.perf_counter_ns() - start) / 1e3)
    return samples


def items_per_second(pool, run, n):
    for _ in range(THROUGHPUT_WARMUP):
        run(pool)
    rates = []
    for _ in range(THROUGHPUT_ROUNDS):
        start = time.perf_counter()
        run(pool)
        rates.append(n / (time.perf_counter() - start))
    return rates


def throughput(pool):
    """Items per second of map and imap_unordered on tiny tasks. The inputs are built here, not at module
    level: forkserver and spawn children import this module, and fork children inherit the parent's heap."""
    inputs_1m, inputs_20k, inputs_200k = list(range(1_000_000)), list(range(20_000)), list(range(200_000))

    def map_1m(p):
        assert len(p.map(plus_one, inputs_1m)) == 1_000_000      # default chunksize: ceil(n / (4 * processes))

    def map_20k_chunksize_1(p):
        assert len(p.map(plus_one, inputs_20k, chunksize=1)) == 20_000

    def imap_unordered_200k(p):
        assert sum(1 for _ in p.imap_unordered(plus_one, inputs_200k, chunksize=1000)) == 200_000

    return {
        "map_1m_items_per_s": items_per_second(pool, map_1m, 1_000_000),
        "map_20k_c1_items_per_s": items_per_second(pool, map_20k_chunksize_1, 20_000),
        "imap_unordered_200k_items_per_s": items_per_second(pool, imap_unordered_200k, 200_000),
    }


def cpu_seconds(pool, ranges, expected=25_997):
    start = time.perf_counter()
    total = sum(pool.map(count_primes, ranges, chunksize=1))
    elapsed = time.perf_counter() - start
    assert total == expected, total
    return elapsed


def cpu_speedup(ctx):
    """Primes below 300,000 in 8 chunks on warm pools of 1 and of 2 workers, runs interleaved."""
    ranges = prime_ranges(PRIMES_LIMIT, PRIMES_CHUNKS)
    one, two = [], []
    with ctx.Pool(1) as pool1, ctx.Pool(2) as pool2:
        for pool in (pool1, pool2):
            pool.map(worker_pid, range(2), chunksize=1)
            cpu_seconds(pool, ranges)
        for _ in range(CPU_ROUNDS):
            one.append(cpu_seconds(pool1, ranges))
            two.append(cpu_seconds(pool2, ranges))
    return one, two


def vm_rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def idle_worker_rss_mib(ctx):
    """A worker of a 2-worker pool, after it has run one task and then idled for a moment."""
    with ctx.Pool(WORKERS) as pool:
        pid = pool.apply(worker_pid, (0,))
        time.sleep(IDLE_PAUSE_S)
        return vm_rss_mib(pid)


def measure(methods):
    figures = {m: {} for m in methods}
    contexts = {m: mp.get_context(m) for m in methods}

    log("time to first result")
    for m in methods:                      # the first pool of a forkserver context also starts its server
        figures[m]["first_result_cold_ms"] = time_to_first_result_ms(contexts[m])

    log("idle worker RSS")                 # early, while this parent (which fork children share) is small
    for m in methods:
        figures[m]["idle_rss_mib"] = [idle_worker_rss_mib(contexts[m]) for _ in range(RSS_ROUNDS)]

    for m in methods:
        figures[m]["first_result_ms"] = []
    for _ in range(FIRST_RESULT_ROUNDS):   # rounds interleaved, so that the machine's noise falls on all alike
        for m in methods:
            time.sleep(BETWEEN_POOLS_SECONDS)  # as the Java side: untimed, an application's pace
            figures[m]["first_result_ms"].append(time_to_first_result_ms(contexts[m]))

    log("churn")
    for m in methods:
        figures[m]["churn_ms_per_task"] = []
    for _ in range(CHURN_ROUNDS):
        for m in methods:
            figures[m]["churn_ms_per_task"].append(churn_ms_per_task(contexts[m], CHURN_TASKS))

    for m in methods:
        log(f"steady state, {m}")
        with contexts[m].Pool(WORKERS) as pool:
            apply_us = apply_round_trips_us(pool)
            figures[m]["apply_us"] = {"median": quantile(apply_us, 0.5),
                                      "p99": quantile(apply_us, 0.99), "n": len(apply_us)}
            figures[m].update(throughput(pool))

    for m in methods:
        log(f"cpu speedup, {m}")
        one, two = cpu_speedup(contexts[m])
        figures[m]["cpu_1_worker_s"] = one
        figures[m]["cpu_2_workers_s"] = two
        figures[m]["cpu_speedup"] = [a / b for a, b in zip(one, two)]

    return figures


def one_untimed_then_timed_rate(run, n):
    run()
    start = time.perf_counter()
    run()
    return n / (time.perf_counter() - start)


def fresh_pool_work(ctx, add):
    """One fresh 2-worker pool: its workers' memory fresh, each kind of call once untimed and once timed, then its
    workers' memory after IDLE_AFTER_WORK_S idle."""
    inputs_1m, inputs_20k, inputs_200k = list(range(1_000_000)), list(range(20_000)), list(range(200_000))
    with ctx.Pool(WORKERS) as pool:
        pids = sorted(set(pool.map(worker_pid, range(2), chunksize=1)))
        time.sleep(IDLE_PAUSE_S)
        for pid in pids:
            add("rss_fresh_mib", vm_rss_mib(pid))
        pool.apply(identity, (0,))
        trips = []
        for i in range(FRESH_APPLY_CALLS):
            start = time.perf_counter_ns()
            pool.apply(identity, (i,))
            trips.append((time.perf_counter_ns() - start) / 1e3)
        add("apply_fresh_us", quantile(trips, 0.5))
        add("map_1m_fresh_items_per_s", one_untimed_then_timed_rate(lambda: pool.map(plus_one, inputs_1m), 1_000_000))
        add("map_20k_c1_fresh_items_per_s",
            one_untimed_then_timed_rate(lambda: pool.map(plus_one, inputs_20k, chunksize=1), 20_000))
        add("imap_unordered_200k_fresh_items_per_s", one_untimed_then_timed_rate(
            lambda: sum(1 for _ in pool.imap_unordered(plus_one, inputs_200k, chunksize=1000)), 200_000))
        time.sleep(IDLE_AFTER_WORK_S)
        for pid in pids:
            add("rss_after_work_mib", vm_rss_mib(pid))


def speedup_on_fresh_pools(ctx, untimed, timed, expected, prefix, add):
    with ctx.Pool(1) as pool1, ctx.Pool(2) as pool2:
        cpu_seconds(pool1, untimed)
        cpu_seconds(pool2, untimed)
        one = cpu_seconds(pool1, timed, expected)
        two = cpu_seconds(pool2, timed, expected)
    add(prefix + "_1_worker_s", one)
    add(prefix + "_2_workers_s", two)
    add(prefix + "_speedup", one / two)


def measure_headline(methods):
    figures = {m: {} for m in methods}
    contexts = {m: mp.get_context(m) for m in methods}

    def adder(m):
        return lambda figure, sample: figures[m].setdefault(figure, []).append(sample)

    log("headline: pools made back to back")
    for m in methods:                      # not interleaved: another method's pool would be a pause
        for _ in range(HEADLINE_FIRST_RESULT_ROUNDS):
            adder(m)("first_result_b2b_ms", time_to_first_result_ms(contexts[m]))
    log("headline: pools made half a second apart")
    for _ in range(HEADLINE_FIRST_RESULT_ROUNDS):
        for m in methods:
            time.sleep(APART_S)
            adder(m)("first_result_05_ms", time_to_first_result_ms(contexts[m]))
    log("headline: work on fresh pools")
    for _ in range(FRESH_ROUNDS):
        for m in methods:
            fresh_pool_work(contexts[m], adder(m))
    log("headline: CPU-bound on fresh pools")
    ranges = prime_ranges(PRIMES_LIMIT, PRIMES_CHUNKS)
    long_ranges = prime_ranges(LONG_PRIMES_LIMIT, LONG_PRIMES_CHUNKS)
    for _ in range(HEADLINE_CPU_ROUNDS):
        for m in methods:
            speedup_on_fresh_pools(contexts[m], ranges, ranges, 25_997, "cpu_fresh", adder(m))
    for _ in range(LONG_CPU_ROUNDS):
        for m in methods:
            if m != "fork":                # the long job only for the start methods processpool has
                speedup_on_fresh_pools(contexts[m], ranges, long_ranges, LONG_PRIMES_BELOW_LIMIT, "cpu_long",
                                       adder(m))
    return figures


def quantile(values, q):
    """The nearest-rank quantile, as the Java side computes it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def main():
    global FIRST_RESULT_ROUNDS, CHURN_ROUNDS, THROUGHPUT_ROUNDS, CPU_ROUNDS, RSS_ROUNDS, BETWEEN_POOLS_SECONDS
    global HEADLINE_FIRST_RESULT_ROUNDS, FRESH_ROUNDS, HEADLINE_CPU_ROUNDS, LONG_PRIMES_LIMIT, LONG_PRIMES_BELOW_LIMIT
    if "--quick" in sys.argv[1:]:          # a smoke run of the script itself, not for figures
        FIRST_RESULT_ROUNDS, CHURN_ROUNDS, THROUGHPUT_ROUNDS, CPU_ROUNDS, RSS_ROUNDS = 2, 1, 1, 1, 1
        BETWEEN_POOLS_SECONDS = 0
        HEADLINE_FIRST_RESULT_ROUNDS, FRESH_ROUNDS, HEADLINE_CPU_ROUNDS = 1, 1, 1
        LONG_PRIMES_LIMIT, LONG_PRIMES_BELOW_LIMIT = 600_000, 49_098
    methods = [m for m in ("fork", "forkserver", "spawn") if m in mp.get_all_start_methods()]
    figures = measure_headline(methods) if "--headline" in sys.argv[1:] else measure(methods)
    json.dump({
        "implementation": "CPython multiprocessing",
        "version": platform.python_version(),
        "cores": os.cpu_count(),
        "workers": WORKERS,
        "methods": figures,
    }, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
