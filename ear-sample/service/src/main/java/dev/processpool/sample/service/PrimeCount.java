package dev.processpool.sample.service;

import java.util.Set;

/** How many primes a range holds, and the worker processes that counted them. */
public record PrimeCount(long from, long to, long count, Set<Long> workerPids) {
}
