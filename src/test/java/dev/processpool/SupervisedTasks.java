package dev.processpool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Tasks that misbehave in the ways a time limit or a cancellation must cope with; each leaves a marker per run. */
public final class SupervisedTasks {
    private SupervisedTasks() {
    }

    /** Leaves a file {@code <dir>/item-<item>-<pid>-<nanos>}: one per run of the item, so a second run shows. */
    public static void mark(String dir, int item) throws IOException {
        Files.createFile(Path.of(dir, "item-" + item + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
    }

    /** How many times each item ran, by the markers in {@code dir}. */
    public static int[] runs(Path dir, int items) throws IOException {
        int[] runs = new int[items];
        try (var files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("item-"))
                    .forEach(n -> runs[Integer.parseInt(n.split("-")[1])]++);
        }
        return runs;
    }

    public static long busyLoop(int ignored) {
        long n = 0;
        while (n >= 0) {
            n = (n + 1) & Long.MAX_VALUE >> 1;
        }
        return n;
    }

    public static long sleep(int ignored) throws InterruptedException {
        Thread.sleep(60_000);
        return 0;
    }

    /** Goes on sleeping whatever interrupts it, for a minute. */
    public static long swallowInterrupts(int ignored) {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException swallowed) {
                // on purpose
            }
        }
        return 0;
    }

    /** Opens a named pipe nobody writes to: blocked in native code, deaf to interrupts. */
    public static long readPipe(String fifo) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(fifo))) {
            return in.read();
        }
    }

    /** Two threads of its own deadlock; the task waits for them. */
    public static long deadlock(int ignored) throws InterruptedException {
        Object a = new Object();
        Object b = new Object();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread first = new Thread(() -> lockBoth(a, b, bothHoldOne));
        Thread second = new Thread(() -> lockBoth(b, a, bothHoldOne));
        first.setDaemon(true);
        second.setDaemon(true);
        first.start();
        second.start();
        first.join();
        return 0;
    }

    private static void lockBoth(Object one, Object other, CountDownLatch bothHoldOne) {
        synchronized (one) {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (other) {
                bothHoldOne.countDown();
            }
        }
    }
}
