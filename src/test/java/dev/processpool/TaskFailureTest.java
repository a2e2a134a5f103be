package dev.processpool;

import static dev.processpool.PoolTasks.failOrFinishLate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.pool.WorkerPool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that throws: the remote class, message and stack trace reach the caller; the other items run on. Part of
 * CPython's {@code _TestPool} (see {@link PoolTestBase}).
 */
@ForEachStartMethod
class TaskFailureTest extends PoolTestBase {
    @Test
    void aTaskFailureCarriesTheRemoteClassTheMessageAndTheWorkersStackTrace() {
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> pool().apply(PoolTasks::raise123, 1));
        assertEquals("java.lang.RuntimeException", e.remoteClassName());
        assertTrue(e.getMessage().contains("123"), e.getMessage());

        Throwable remote = e.getCause();
        assertNotNull(remote, "the remote stack trace is kept as the cause");
        List<StackTraceElement> frames = Arrays.asList(remote.getStackTrace());
        assertTrue(frames.stream().anyMatch(f -> f.getClassName().equals(PoolTasks.class.getName())
                && f.getMethodName().equals("raise123")), "the task's own frame: " + frames);
        assertTrue(frames.stream().anyMatch(f -> f.getClassName().startsWith("dev.processpool.internal.worker.")),
                "the frames are the worker's: " + frames);
        assertFalse(frames.stream().anyMatch(f -> f.getMethodName().startsWith("aTaskFailureCarries")),
                "no frame of the caller's thread in the remote trace: " + frames);

        StringWriter printed = new StringWriter();
        e.printStackTrace(new PrintWriter(printed));
        assertTrue(printed.toString().contains("raise123(PoolTasks.java:"), printed.toString());
    }

    @Test
    void mapHasNoFailFastTheOtherItemsStillRunToCompletion(@TempDir Path dir) {
        WorkerPool pool = newPool(2);
        TestPools.await("2 workers ready", READY, () -> pool.workerPids().size() == 2);
        String marks = dir.toString();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> pool.map((Integer item) -> failOrFinishLate(marks, item), List.of(0, 1), 1));
        assertEquals("java.lang.IllegalArgumentException", e.remoteClassName());
        assertTimeoutPreemptively(Duration.ofSeconds(60), pool::close, "close() must not deadlock");
        assertTrue(Files.exists(dir.resolve("item-1-done")), "item 1 ran to completion after item 0 failed");
    }
}
