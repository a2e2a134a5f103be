package dev.processpool.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The functions the test jobs name in their {@code function} property; they run in worker processes. */
public final class BatchTasks {
    private BatchTasks() {
    }

    /** Tags the item with this worker's pid, after a little work, so that a chunk's items spread over workers. */
    public static Tagged tag(Integer item) throws InterruptedException {
        Thread.sleep(30);   // the work an item takes; not synchronisation
        return new Tagged(item, ProcessHandle.current().pid());
    }

    /**
     * As {@link #tag}, but at the item {@code -Dbatchtest.killAt} the first time (while the marker file
     * {@code -Dbatchtest.marker} does not exist yet: this creates it) the worker's JVM halts, as a killed worker's.
     */
    /** As {@link #tag}, but item 3 hangs for a minute, swallowing interrupts. */
    public static Tagged tagOrHang(Integer item) throws InterruptedException {
        if (item == 3) {
            dev.processpool.SupervisedTasks.swallowInterrupts(item);
        }
        return tag(item);
    }

    public static Tagged tagOrDieOnce(Integer item) throws InterruptedException {
        if (item == Integer.getInteger("batchtest.killAt", -1)) {
            Path marker = Path.of(System.getProperty("batchtest.marker"));
            if (!Files.exists(marker)) {
                try {
                    Files.createFile(marker);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Runtime.getRuntime().halt(9);
            }
        }
        return tag(item);
    }
}
