package dev.processpool;



import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tasks of the pool semantics tests: static methods and records that travel to the workers by name.
 */
final class PoolTasks {
    private PoolTasks() {
    }

    static int sqr(int x) {
        return x * x;
    }

    /** CPython's {@code sqr(x, wait)}. */
    static Integer sqrAfter(Integer x, long millis) throws InterruptedException {
        Thread.sleep(millis);
        return x * x;
    }

    static String describe(Object value) {
        return String.valueOf(value);
    }

    static Integer raise123(Integer ignored) {
        throw new RuntimeException("123");
    }

    static Integer failOnThree(Integer x) {
        if (x == 3) {
            throw new IllegalArgumentException("three is not welcome");
        }
        return x * x;
    }

    /** Leaves a mark that a worker has started a long task, then sleeps. */
    static Integer markStartedAndSleep(String dir, Integer millis) throws Exception {
        Files.writeString(Path.of(dir, "started-" + ProcessHandle.current().pid() + "-" + System.nanoTime()), "");
        Thread.sleep(millis);
        return millis;
    }

    /** CPython's {@code raise_large_valuerror}: item 0 fails at once, item 1 finishes after a second. */
    static Integer failOrFinishLate(String dir, Integer item) throws Exception {
        if (item == 0) {
            throw new IllegalArgumentException("x".repeat(1 << 20));
        }
        Thread.sleep(1000);
        Files.writeString(Path.of(dir, "item-" + item + "-done"), "done");
        return item;
    }

    public record SquareFromPid(int square, long pid) {
    }

    static SquareFromPid sqrWithPid(Integer x) {
        return new SquareFromPid(x * x, ProcessHandle.current().pid());
    }

    public record Payload(int n) {
    }

    static Payload identity(Payload payload) {
        return payload;
    }

    public record InitializerSeen(int runs, long initializerPid, long taskPid) {
    }

    /** Initializer runs in this JVM: in the test JVM it stays 0, in each worker it counts that worker's runs. */
    static final AtomicInteger INITIALIZER_RUNS = new AtomicInteger();
    static volatile long initializerPid = -1;

    static void countInitializerRun() {
        INITIALIZER_RUNS.incrementAndGet();
        initializerPid = ProcessHandle.current().pid();
    }

    static InitializerSeen initializerSeen(Integer ignored) {
        return new InitializerSeen(INITIALIZER_RUNS.get(), initializerPid, ProcessHandle.current().pid());
    }

    static void failingInitializer() {
        throw new IllegalStateException("no database here");
    }

    /** A result JSON-B cannot write: its only property throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("this property cannot be read");
        }
    }

    static Unwritable unwritableResult(Integer ignored) {
        return new Unwritable();
    }

    static Thread threadResult(Integer ignored) {
        return new Thread(() -> { }, "a thread of the worker");
    }

    static NoDefaultConstructor unreadableResult(Integer x) {
        return new NoDefaultConstructor(x);
    }

    static Object unreadableAtOne(Integer x) {
        return x == 1 ? new NoDefaultConstructor(x) : (Object) (x * x);
    }

    static Object unwritableAtOne(Integer x) {
        return x == 1 ? new Unwritable() : (Object) (x * x);
    }

    /** An input JSON-B can write but not read back: no no-argument constructor. */
    public static final class NoDefaultConstructor {
        private final int value;

        public NoDefaultConstructor(int value) {
            this.value = value;
        }

        public int getValue() {
            return value;
        }
    }
}
