package dev.processpool;

import static dev.processpool.PoolTasks.NoDefaultConstructor;
import static dev.processpool.PoolTasks.Unwritable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.processpool.internal.pool.WorkerPool;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What cannot be sent, inputs or results: refused at the call, or failing only its own item; the pool goes on. Part
 * of CPython's {@code _TestPool} (see {@link PoolTestBase}).
 */
@ForEachStartMethod
class UnsendableValuesTest extends PoolTestBase {
    @Test
    void anInputThatCannotBeSentIsRefusedNamingItsTypeAndThePoolStillWorks() throws Exception {
        List<Object> withThread = List.of("fine", new Thread(() -> { }));
        IllegalArgumentException thread = assertThrows(IllegalArgumentException.class,
                () -> pool().map(PoolTasks::describe, withThread));
        assertTrue(thread.getMessage().contains("java.lang.Thread"), thread.getMessage());

        List<Object> withUnreadable = List.of("fine", new NoDefaultConstructor(1));
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class,
                () -> pool().map(PoolTasks::describe, withUnreadable, 1));
        assertTrue(unreadable.getMessage().contains(NoDefaultConstructor.class.getName()), unreadable.getMessage());

        assertEquals(squares(10), pool().map(PoolTasks::sqr, range(10)));
    }

    @Test
    void everySubmittingMethodRefusesAnInputThatCannotBeSentAtTheCall() {
        Thread unsendable = new Thread(() -> { });
        List<Object> inputs = List.of(unsendable);
        List<Executable> calls = List.of(
                () -> pool().apply(PoolTasks::describe, unsendable),
                () -> pool().applyAsync(PoolTasks::describe, unsendable),
                () -> pool().mapAsync(PoolTasks::describe, inputs),
                () -> pool().imap(PoolTasks::describe, inputs, 1),
                () -> pool().imapUnordered(PoolTasks::describe, inputs, 1));
        for (Executable call : calls) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
        }
        assertEquals(9, pool().apply(PoolTasks::sqr, 3));
    }

    @Test
    void aResultJsonbCannotWriteFailsThatTaskTwentyTimesAndThePoolStillWorks() {
        WorkerPool pool = newPool(2);
        for (int i = 0; i < 20; i++) {
            int item = i;
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolTasks::unwritableResult, item), "round " + i);
            assertFalse(e instanceof WorkerDiedException, "round " + i + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(Unwritable.class.getName()), e.getMessage());
        }
        assertEquals(squares(10), pool.map(PoolTasks::sqr, range(10)));
    }

    @Test
    void aThreadAsResultFailsThatTaskTwentyTimesAndThePoolStillWorks() {
        WorkerPool pool = newPool(2);
        for (int i = 0; i < 20; i++) {
            int item = i;
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolTasks::threadResult, item), "round " + i);
            assertFalse(e instanceof WorkerDiedException, "round " + i + ": a result that cannot be sent must"
                    + " fail its task, not crash the worker: " + e.getMessage());
            assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
        }
        assertEquals(squares(10), pool.map(PoolTasks::sqr, range(10)));
    }

    @Test
    void aResultThatCannotBeSentFailsOnlyItsItem() {
        Iterator<Object> results = pool().imap(PoolTasks::unwritableAtOne, range(3), 3);
        assertEquals(0, results.next());
        assertThrows(TaskFailedException.class, results::next);
        assertEquals(4, results.next());
        assertFalse(results.hasNext());
    }

    @Test
    void aResultJsonbCannotReadBackFailsItsTaskWithTaskFailedException() {
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> pool().apply(PoolTasks::unreadableResult, 1));
        assertTrue(e.getMessage().contains(NoDefaultConstructor.class.getName()), e.getMessage());
        assertEquals(9, pool().apply(PoolTasks::sqr, 3));
    }

    @Test
    void aResultJsonbCannotReadBackFailsOnlyItsItem() {
        Iterator<Object> results = pool().imap(PoolTasks::unreadableAtOne, range(3), 3);
        assertEquals(0, results.next());
        assertThrows(TaskFailedException.class, results::next);
        assertEquals(4, results.next());
        assertFalse(results.hasNext());
    }
}
