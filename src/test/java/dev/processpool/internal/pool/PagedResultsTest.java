package dev.processpool.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A map's results in pages: put in chunks that straddle pages, read back in order, like a fixed-size list. */
class PagedResultsTest {
    private static final int PAGE = PagedResults.PAGE_SIZE;

    @Test
    void chunksStraddlingPagesComeBackInOrder() {
        int size = 2 * PAGE + 123;
        int chunk = PAGE / 3 + 7;   // never aligned to a page
        PagedResults results = new PagedResults(size);
        for (int first = size - size % chunk; first >= 0; first -= chunk) {   // last chunk first, as they may arrive
            int count = Math.min(chunk, size - first);
            results.put(first, ChunkOutcome.of(IntStream.range(first, first + count).boxed().toList(), null));
        }
        assertEquals(IntStream.range(0, size).boxed().toList(), results);
        assertEquals(new ArrayList<>(results), results);
    }

    @Test
    void isFixedSizeButSettableLikeArraysAsList() {
        PagedResults results = new PagedResults(PAGE + 1);
        assertEquals(PAGE + 1, results.size());
        assertEquals(null, results.set(PAGE, "last"));
        assertEquals("last", results.set(PAGE, "again"));
        assertEquals("again", results.get(PAGE));
        assertThrows(UnsupportedOperationException.class, () -> results.add("more"));
        assertThrows(IndexOutOfBoundsException.class, () -> results.get(PAGE + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> results.put(PAGE, ChunkOutcome.failed(2, new IllegalStateException())));
        assertEquals(List.of(), new PagedResults(0));
    }
}
