package dev.processpool;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Empty input gives empty results, for every map method. Part of CPython's {@code _TestPool} (see {@link
 * PoolTestBase}).
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = MINUTES)
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
