package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * close(): it finishes the work accepted before it and nothing more. For an imap not read to its end, accepted
 * means the items it had read from its input when close() was called; close() reads no input itself.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class CloseSemanticsTest {
    @Parameter
    String startMethod;

    static int triple(int x) {
        return 3 * x;
    }

    static int tripleAfter(int x, long millis) throws InterruptedException {
        Thread.sleep(millis);
        return 3 * x;
    }

    /** 0, 1, 2, ... for ever, counting the items taken. */
    private static Iterable<Integer> endless(AtomicLong read) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return (int) read.getAndIncrement();
            }
        };
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void tryWithResourcesAroundAnEndlessImapLeftEarlyReturnsWithoutReadingMoreOfIt() throws Exception {
        AtomicLong read = new AtomicLong();
        long heapBefore = usedHeapAfterGc();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            try (Pool pool = TestPools.newPool(startMethod, 2)) {
                return pool.imap(CloseSemanticsTest::triple, endless(read), 1).next();
            }
        });
        assertEquals(0, first.get(60, TimeUnit.SECONDS), "close() of a pool with an abandoned endless imap returns");
        long readAtClose = read.get();
        // chunksize 1 x 2 processes x 4 chunks ahead, and the chunk of the first result
        assertTrue(readAtClose <= 2 * 4 + 1, "items read of the endless input: " + readAtClose);
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        assertTrue(heapGrowth < 64L << 20, "heap grew by " + (heapGrowth >> 20) + " MiB");
        assertEquals(readAtClose, read.get(), "nothing reads the input after close()");
    }

    @Test
    void imapClosedBeforeItsEndYieldsTheResultsOfTheItemsReadThenSaysWhyItStops() {
        AtomicLong read = new AtomicLong();
        List<Integer> inputs = java.util.stream.IntStream.range(0, 200).boxed().toList();
        Iterable<Integer> counted = () -> inputs.stream().peek(x -> read.incrementAndGet()).iterator();
        Pool pool = TestPools.newPool(startMethod, 2);
        Iterator<Integer> ordered = pool.imap(CloseSemanticsTest::triple, counted, 1);
        List<Integer> seen = new ArrayList<>(List.of(ordered.next()));

        pool.close();
        long readAtClose = read.get();

        IllegalStateException stop = assertThrows(IllegalStateException.class, () -> ordered.forEachRemaining(seen::add));
        assertTrue(stop.getMessage().startsWith("pool is closed"), stop.getMessage());
        assertTrue(stop.getMessage().contains(readAtClose + " items"), stop.getMessage());
        assertEquals(inputs.subList(0, (int) readAtClose).stream().map(x -> 3 * x).toList(), seen,
                "every item read before close() ran, in order");
        assertEquals(readAtClose, read.get(), "nothing read the input after close()");
        assertThrows(IllegalStateException.class, () -> pool.imap(CloseSemanticsTest::triple, inputs, 1));
    }

    @Test
    void aSubmissionFromAnotherThreadWhileCloseWaitsIsRefused() throws Exception {
        Pool pool = TestPools.newPool(startMethod, 1);
        CompletableFuture<Integer> accepted = pool.applyAsync((Integer x) -> tripleAfter(x, 1500), 1);
        Iterator<Integer> abandoned = pool.imap(CloseSemanticsTest::triple, endless(new AtomicLong()), 1);
        Thread closer = new Thread(pool::close, "closer");
        closer.start();
        TestPools.await("close() to be waiting", Duration.ofSeconds(30),
                () -> Arrays.stream(closer.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("awaitStopped")
                        || frame.getMethodName().startsWith("feed")) || !closer.isAlive());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> pool.apply(CloseSemanticsTest::triple, 2), "apply while close() waits");
        assertEquals("pool is closed", refused.getMessage());
        assertThrows(IllegalStateException.class, () -> pool.map(CloseSemanticsTest::triple, List.of(1)));
        assertThrows(IllegalStateException.class, () -> pool.imapUnordered(CloseSemanticsTest::triple, List.of(1), 1));
        assertEquals(3, accepted.get(60, TimeUnit.SECONDS), "the task accepted before close() ran");
        closer.join(60_000);
        assertTrue(!closer.isAlive(), "close() returned");
        assertTrue(abandoned.next() % 3 == 0);
    }
}
