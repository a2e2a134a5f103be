package dev.processpool;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Empty input gives empty results, for every map method. Part of CPython's {@code _TestPool} (see {@link
 * PoolTestBase}).
 */
@ForEachStartMethod
class EmptyInputTest extends PoolTestBase {
    @Test
    void emptyInputGivesEmptyResultsForEveryMapMethod() throws Exception {
        assertEquals(List.of(), pool().map(PoolTasks::sqr, List.<Integer>of()));
        assertEquals(List.of(), pool().map(PoolTasks::sqr, List.<Integer>of(), 1));
        assertFalse(pool().imap(PoolTasks::sqr, List.<Integer>of(), 1).hasNext());
        assertFalse(pool().imapUnordered(PoolTasks::sqr, List.<Integer>of(), 1).hasNext());
        assertEquals(List.of(), pool().mapAsync(PoolTasks::sqr, List.<Integer>of()).get(60, SECONDS));
    }

    @Test
    void mapAsyncOfEmptyInputIsDoneAtOnceWithChunksizeOne() throws Exception {
        assertEquals(List.of(), pool().mapAsync(PoolTasks::sqr, List.<Integer>of(), 1).get(100, MILLISECONDS));
    }

    @Test
    void emptyIterableThatIsNotACollectionGivesEmptyResults() {
        FailingInput empty = new FailingInput(0, Integer.MAX_VALUE);
        assertEquals(List.of(), pool().map(PoolTasks::sqr, empty));
        assertThrows(NoSuchElementException.class, () -> pool().imap(PoolTasks::sqr, empty, 1).next());
        assertThrows(NoSuchElementException.class, () -> pool().imapUnordered(PoolTasks::sqr, empty, 1).next());
    }
}
