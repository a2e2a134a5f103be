package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pool needs nothing of the common fork-join pool: with every one of its threads blocked (as a caller's
 * {@code supplyAsync} that makes and closes a pool blocks one), a pool starts, works and closes. On JDK 21 and later
 * the common pool has a single thread on 2 cores, and {@code Process.onExit()} completes through it: close() waited
 * there for good.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class CommonPoolIndependenceTest {
    @Parameter
    String startMethod;

    static int twice(int x) {
        return 2 * x;
    }

    @Test
    void aPoolStartsWorksAndClosesWhileEveryCommonPoolThreadIsBlocked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int threads = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch blocked = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertEquals(true, blocked.await(30, TimeUnit.SECONDS), "the common pool's threads are blocked");
            CompletableFuture<List<Integer>> work = new CompletableFuture<>();
            Thread caller = new Thread(() -> {
                try (Pool pool = TestPools.newPool(startMethod, 2)) {
                    work.complete(pool.map(CommonPoolIndependenceTest::twice, List.of(1, 2, 3), 1));
                } catch (RuntimeException e) {
                    work.completeExceptionally(e);
                }
            });
            caller.start();
            assertEquals(List.of(2, 4, 6), work.get(60, TimeUnit.SECONDS));
            caller.join(TimeUnit.SECONDS.toMillis(60));
            assertEquals(false, caller.isAlive(), "close() returned");
        } finally {
            release.countDown();
        }
    }
}
