package dev.processpool.sample.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The work the sample sends to worker processes. The functions travel by name; a worker loads this class from
 * the EJB module, fetching its bytes from the server over the pool's channel.
 */
public final class Tasks {
    private Tasks() {
    }

    /** Counts the primes of a range by trial division: deliberately CPU-bound. */
    public static Counted countPrimes(Range range) {
        long count = 0;
        for (long n = Math.max(2, range.from()); n < range.to(); n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return new Counted(count, ProcessHandle.current().pid());
    }

    static boolean isPrime(long n) {
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return n >= 2;
    }

    public static Hashed sha256(String input) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        return new Hashed(input, HexFormat.of().formatHex(digest), ProcessHandle.current().pid());
    }
}
