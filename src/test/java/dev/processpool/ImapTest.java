package dev.processpool;

import static dev.processpool.PoolTasks.sqrAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * imap and imapUnordered: lazy results, in input or completion order, failures at their item. Part of CPython's
 * {@code _TestPool} (see {@link PoolTestBase}).
 */
@ForEachStartMethod
class ImapTest extends PoolTestBase {
    @Test
    void imapYieldsResultsInInputOrderThenNoSuchElement() {
        Iterator<Integer> results = pool().imap(PoolTasks::sqr, range(10), 1);
        for (int i = 0; i < 10; i++) {
            assertEquals(i * i, results.next());
        }
        assertFalse(results.hasNext());
        assertThrows(NoSuchElementException.class, results::next);

        Iterator<Integer> many = pool().imap(PoolTasks::sqr, range(1000), 100);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i * i, many.next());
        }
        assertThrows(NoSuchElementException.class, many::next);
    }

    @Test
    void imapKeepsInputOrderWhenLaterItemsFinishFirst() {
        assertEquals(squares(8), toList(pool().imap((Integer x) -> sqrAfter(x, (8 - x) * 60L), range(8), 1)));
    }

    @Test
    void imapThrowsAFailedItemsErrorAtThatItemAndGoesOn() {
        Iterator<Integer> results = pool().imap(PoolTasks::failOnThree, range(6), 1);
        assertEquals(List.of(0, 1, 4), List.of(results.next(), results.next(), results.next()));
        TaskFailedException e = assertThrows(TaskFailedException.class, results::next);
        assertEquals("java.lang.IllegalArgumentException", e.remoteClassName());
        assertEquals(List.of(16, 25), List.of(results.next(), results.next()));
        assertFalse(results.hasNext());
    }

    @Test
    void imapUnorderedGivesEveryResultOnce() {
        assertEquals(sortedCopy(squares(10)), sortedCopy(toList(
                pool().imapUnordered(PoolTasks::sqr, range(10), 1))));
        assertEquals(sortedCopy(squares(1000)), sortedCopy(toList(
                pool().imapUnordered(PoolTasks::sqr, range(1000), 100))));
    }

    @Test
    void imapUnorderedYieldsInCompletionOrder() {
        Iterator<Integer> results = pool().imapUnordered((Integer x) -> sqrAfter(x, x == 0 ? 3000L : 0L), range(8), 1);
        List<Integer> got = toList(results);
        assertNotEquals(0, got.get(0), "item 0 sleeps 3 s, the others do not: " + got);
        assertEquals(0, got.get(got.size() - 1), "item 0 finishes last: " + got);
        assertEquals(sortedCopy(squares(8)), sortedCopy(got));
    }
}
