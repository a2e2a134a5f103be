package dev.processpool.sample.it;

/** The expected answers, counted here by a sieve, independently of the sample's trial division. */
final class PrimeSieve {
    private PrimeSieve() {
    }

    static long count(int from, int to) {
        boolean[] composite = new boolean[to];
        long count = 0;
        for (int n = 2; n < to; n++) {
            if (!composite[n]) {
                if (n >= from) {
                    count++;
                }
                for (long m = (long) n * n; m < to; m += n) {
                    composite[(int) m] = true;
                }
            }
        }
        return count;
    }
}
