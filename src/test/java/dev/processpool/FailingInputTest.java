package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Input whose iterator throws: the error reaches the caller as it is, at its position, and the pool goes on. Part
 * of CPython's {@code _TestPool} (see {@link PoolTestBase}).
 */
@ForEachStartMethod
class FailingInputTest extends PoolTestBase {
    @Test
    void mapRethrowsTheInputErrorItselfAndThePoolStillWorks() {
        for (int round = 0; round < 2; round++) {
            for (FailingInput input : List.of(new FailingInput(1, -1), new FailingInput(10, 3))) {
                SayWhenError e = assertThrows(SayWhenError.class,
                        () -> pool().map(PoolTasks::sqr, input, 1));
                assertSame(input.thrown, e);
            }
            BrokenCollection sized = new BrokenCollection();
            SayWhenError e = assertThrows(SayWhenError.class, () -> pool().map(PoolTasks::sqr, sized, 1));
            assertSame(sized.thrown, e);

            assertEquals(squares(10), pool().map(PoolTasks::sqr, range(10)), "round " + round);
        }
    }

    @Test
    void theInputErrorIsNotWrappedAsARemoteFailure() {
        FailingInput input = new FailingInput(10, 3);
        SayWhenError e = assertThrows(SayWhenError.class, () -> pool().map(PoolTasks::sqr, input));
        assertSame(input.thrown, e);
        assertNull(e.getCause(), "no remote trace attached");
    }

    @Test
    void imapOfAnInputThatFailsAtOnceThrowsTheInputErrorOnTheFirstNext() {
        for (int round = 0; round < 2; round++) {
            FailingInput input = new FailingInput(1, -1);
            Iterator<Integer> results = pool().imap(PoolTasks::sqr, input, 1);
            SayWhenError e = assertThrows(SayWhenError.class, results::next);
            assertSame(input.thrown, e);
        }
        assertEquals(squares(10), toList(pool().imap(PoolTasks::sqr, range(10), 1)));
    }

    @Test
    void imapYieldsResultsBeforeTheFailingChunkThenThrowsTheInputError() {
        for (int round = 0; round < 2; round++) {
            assertImapYieldsThenThrows(10, 3, 1, squares(3));
            // The chunk holding item 6 is lost: [0,1] [2,3] [4,5] are done, [6, error] is not.
            assertImapYieldsThenThrows(20, 7, 2, squares(6));
            // [0..3] done, [4,5,6, error] lost.
            assertImapYieldsThenThrows(20, 7, 4, squares(4));
        }
        assertEquals(squares(10), toList(pool().imap(PoolTasks::sqr, range(10), 2)));
    }

    private void assertImapYieldsThenThrows(int total, int when, int chunksize, List<Integer> expected) {
        FailingInput input = new FailingInput(total, when);
        Iterator<Integer> results = pool().imap(PoolTasks::sqr, input, chunksize);
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            got.add(results.next());
        }
        assertEquals(expected, got, "gen(" + total + ", " + when + ") with chunksize " + chunksize);
        SayWhenError e = assertThrows(SayWhenError.class, results::next);
        assertSame(input.thrown, e);
        assertFalse(results.hasNext(), "nothing after the input error");
    }

    @Test
    void imapUnorderedOfAnInputThatFailsAtOnceThrowsTheInputErrorOnTheFirstNext() {
        for (int round = 0; round < 2; round++) {
            FailingInput input = new FailingInput(1, -1);
            Iterator<Integer> results = pool().imapUnordered(PoolTasks::sqr, input, 1);
            SayWhenError e = assertThrows(SayWhenError.class, results::next);
            assertSame(input.thrown, e);
        }
        assertEquals(new HashSet<>(squares(10)), new HashSet<>(toList(
                pool().imapUnordered(PoolTasks::sqr, range(10), 1))));
    }

    @Test
    void imapUnorderedYieldsDistinctExpectedValuesThenThrowsTheInputError() {
        for (int round = 0; round < 2; round++) {
            assertImapUnorderedYieldsDistinctThenThrows(10, 3, 1);
            assertImapUnorderedYieldsDistinctThenThrows(20, 7, 2);
        }
        assertEquals(new HashSet<>(squares(10)), new HashSet<>(toList(
                pool().imapUnordered(PoolTasks::sqr, range(10), 2))));
    }

    private void assertImapUnorderedYieldsDistinctThenThrows(int total, int when, int chunksize) {
        FailingInput input = new FailingInput(total, when);
        Iterator<Integer> results = pool().imapUnordered(PoolTasks::sqr, input, chunksize);
        Set<Integer> expected = new HashSet<>(squares(when));
        List<Integer> got = new ArrayList<>();
        SayWhenError thrown = null;
        for (int i = 0; i < total && thrown == null; i++) {
            try {
                got.add(results.next());
            } catch (SayWhenError e) {
                thrown = e;
            }
        }
        assertNotNull(thrown, "the input error was thrown before " + total + " values; got " + got);
        assertSame(input.thrown, thrown);
        assertEquals(got.size(), new HashSet<>(got).size(), "distinct values: " + got);
        assertTrue(expected.containsAll(got), "only squares of items before the error: " + got);
    }
}
