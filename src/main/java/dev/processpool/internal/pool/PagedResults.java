package dev.processpool.internal.pool;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The results of one {@code map}, kept in pages of {@value #PAGE_SIZE} instead of one array. A single array for
 * a million results is a humongous object to G1, placed in the old generation at once: the young results it
 * holds were then copied at every young collection and promoted, and dead arrays of earlier calls, which G1
 * does not reclaim early when they hold references, kept theirs alive too (pauses of 100 to 300 ms in the
 * parent during a {@code map} of 1,000,000). Like {@link java.util.Arrays#asList}, the list is fixed-size and
 * its elements may be set.
 */
final class PagedResults extends AbstractList<Object> implements RandomAccess {
    /** 64 KiB of references: far below the smallest heap region's half (G1's humongous threshold, 512 KiB). */
    static final int PAGE_SIZE = 1 << 14;
    private static final int PAGE_SHIFT = Integer.numberOfTrailingZeros(PAGE_SIZE);

    private final Object[][] pages;
    private final int size;

    PagedResults(int size) {
        this.size = size;
        this.pages = new Object[(size + PAGE_SIZE - 1) >>> PAGE_SHIFT][];
        for (int page = 0; page < pages.length; page++) {
            pages[page] = new Object[Math.min(PAGE_SIZE, size - (page << PAGE_SHIFT))];
        }
    }

    /** Puts a chunk's results in from {@code index} on (null for an item that failed). */
    void put(int index, ChunkOutcome outcome) {
        Objects.checkFromIndexSize(index, outcome.size(), size);
        for (int i = 0; i < outcome.size(); i++) {
            int at = index + i;
            pages[at >>> PAGE_SHIFT][at & (PAGE_SIZE - 1)] = outcome.result(i);
        }
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, size);
        return pages[index >>> PAGE_SHIFT][index & (PAGE_SIZE - 1)];
    }

    @Override
    public Object set(int index, Object element) {
        Objects.checkIndex(index, size);
        Object[] page = pages[index >>> PAGE_SHIFT];
        Object previous = page[index & (PAGE_SIZE - 1)];
        page[index & (PAGE_SIZE - 1)] = element;
        return previous;
    }

    @Override
    public int size() {
        return size;
    }
}
