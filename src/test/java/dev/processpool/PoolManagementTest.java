package dev.processpool;

import static java.util.concurrent.TimeUnit.MINUTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.management.PoolMXBean;
import dev.processpool.internal.management.PoolRegistration;
import dev.processpool.internal.pool.WorkerPool;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every pool is an MXBean {@code dev.processpool:type=Pool,name=<name>} while it runs: its figures, and resize and
 * recycleWorkers live. Read through the platform MBeanServer as a JMX client does. Spawn pools only: what is
 * counted and registered does not depend on how workers start.
 */
@Timeout(value = 3, unit = MINUTES)
class PoolManagementTest {
    private static final Duration READY = Duration.ofSeconds(60);
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;
    private final List<Pool> pools = new ArrayList<>();

    @AfterEach
    void stopPoolsAndCheckNoWorkerIsLeft() throws InterruptedException {
        for (Pool pool : pools) {
            pool.terminate();
            pool.join();
        }
        TestPools.await("no worker process left", Duration.ofSeconds(20), () -> TestPools.workerProcesses().isEmpty());
    }

    private WorkerPool newPool(PoolOptions.Builder options) {
        WorkerPool pool = TestPools.newPool("spawn", options.build());
        pools.add(pool);
        return pool;
    }

    private static PoolOptions.Builder processes(int processes) {
        return PoolOptions.builder().processes(processes);
    }

    private static ObjectName objectName(String name) throws JMException {
        ObjectName objectName = new ObjectName("dev.processpool:type=Pool,name=" + name);
        assertEquals(objectName, PoolRegistration.objectName(name));
        return objectName;
    }

    private static PoolMXBean mxBean(Pool pool) throws JMException {
        return JMX.newMXBeanProxy(SERVER, objectName(((WorkerPool) pool).name()), PoolMXBean.class);
    }

    private static Object attribute(Pool pool, String attribute) throws JMException {
        return SERVER.getAttribute(objectName(((WorkerPool) pool).name()), attribute);
    }

    private static void awaitWorkers(WorkerPool pool, int count) {
        TestPools.await(count + " workers connected", READY,
                () -> pool.workerPids().size() == count && pool.control().workersAlive() == count,
                () -> "pids " + pool.workerPids());
    }

    // ---------------------------------------------------------------- tasks (they run in the workers)

    static int square(int x) {
        return x * x;
    }

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    static int failOnMultiplesOfFour(int x) {
        if (x % 4 == 3) {
            throw new IllegalArgumentException("item " + x);
        }
        return x;
    }

    /**
     * Writes its pid to {@code started-<item>} in {@code dir} (a second run of the item fails there), waits (at most
     * 60 s) for {@code dir/release}, gives its pid.
     */
    static long pidOnceReleased(String dir, int item) throws Exception {
        Path written = Files.writeString(Path.of(dir, "writing-" + item), Long.toString(ProcessHandle.current().pid()));
        Files.move(written, Path.of(dir, "started-" + item));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(Path.of(dir, "release")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return ProcessHandle.current().pid();
    }

    /** As {@link #pidOnceReleased}, but its square: {@code started-<item>} is created once, so a rerun fails. */
    static int squareOnceReleased(String dir, int item) throws Exception {
        pidOnceReleased(dir, item);
        return item * item;
    }

    private void release() throws Exception {
        Files.createFile(dir.resolve("release"));
    }

    private long startedPid(int item) throws Exception {
        return Long.parseLong(Files.readString(dir.resolve("started-" + item)));
    }

    /** How many items have started. */
    private long started() {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("started-")).count();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> squares(int n) {
        return IntStream.range(0, n).map(x -> x * x).boxed().toList();
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    // ---------------------------------------------------------------- names

    @Test
    void aNamedPoolIsRegisteredUnderItsNameAndASecondOneGetsASuffix() throws Exception {
        WorkerPool first = newPool(processes(1).name("thumbnails"));
        WorkerPool second = newPool(processes(1).name("thumbnails"));

        assertEquals("thumbnails", first.name());
        assertEquals("thumbnails-2", second.name());
        assertEquals("thumbnails", SERVER.getAttribute(objectName("thumbnails"), "Name"));
        assertEquals("thumbnails-2", SERVER.getAttribute(objectName("thumbnails-2"), "Name"));
        assertTrue(first.toString().startsWith("thumbnails (spawn)"), first.toString());
        assertTrue(second.toString().startsWith("thumbnails-2 (spawn)"), second.toString());
        PoolMXBean bean = mxBean(first);
        assertEquals("spawn", bean.getStartMethod());
        assertEquals(1, bean.getProcesses());
        assertEquals(0, bean.getMaxTasksPerChild());
        assertEquals("RUNNING", bean.getState());
    }

    @Test
    void anUnnamedPoolIsNumberedAsBefore() throws Exception {
        WorkerPool pool = newPool(processes(1).maxTasksPerChild(5));
        assertTrue(pool.name().matches("pool-\\d+"), pool.name());
        assertTrue(SERVER.isRegistered(objectName(pool.name())));
        assertEquals(5, attribute(pool, "MaxTasksPerChild"));
        assertTrue(pool.toString().startsWith(pool.name() + " (spawn)"), pool.toString());
    }

    @Test
    void theMXBeanIsGoneOnceThePoolIsClosedOrTerminated() throws Exception {
        WorkerPool closed = newPool(processes(1).name("closing"));
        WorkerPool terminated = newPool(processes(1).name("terminating"));
        assertEquals(4, closed.apply(PoolManagementTest::square, 2));

        closed.close();
        terminated.terminate();

        assertFalse(SERVER.isRegistered(objectName("closing")));
        assertFalse(SERVER.isRegistered(objectName("terminating")));
        assertEquals(Set.of(), SERVER.queryNames(objectName("closing*"), null));
        WorkerPool again = newPool(processes(1).name("closing"));
        assertEquals("closing", again.name(), "a name is free again once its pool has stopped");
    }

    @Test
    void aPoolThatFailsToStartLeavesNothingRegistered() throws Exception {
        PoolOptions options = processes(1).name("never-started").javaExecutable(dir.resolve("no-java"))
                .build();
        assertThrows(UncheckedIOException.class, () -> TestPools.newPool("spawn", options));
        assertFalse(SERVER.isRegistered(objectName("never-started")));
    }

    @Test
    void aPoolGarbageCollectedUnclosedIsUnregistered() throws Exception {
        ObjectName name = objectName(useAndDropAPool());
        TestPools.await("the dropped pool's MXBean to be unregistered", Duration.ofSeconds(60), () -> {
            System.gc();
            return !SERVER.isRegistered(name);
        });
    }

    private static String useAndDropAPool() {
        WorkerPool pool = TestPools.newPool("spawn", processes(1).build());
        pool.apply(PoolManagementTest::square, 3);
        return pool.name();
    }

    // ---------------------------------------------------------------- counts

    @Test
    void itemsAreCountedAsSubmittedCompletedAndFailed() throws Exception {
        WorkerPool pool = newPool(processes(2));
        assertThrows(TaskFailedException.class,
                () -> pool.map(PoolManagementTest::failOnMultiplesOfFour, range(1000), 7));

        assertEquals(1000L, attribute(pool, "TasksSubmitted"));
        assertEquals(750L, attribute(pool, "TasksCompleted"));
        assertEquals(250L, attribute(pool, "TasksFailed"));
        assertEquals(0, attribute(pool, "QueueDepth"));
        assertEquals(0L, attribute(pool, "WorkerRestarts"));
    }

    @Test
    void aKilledWorkersTaskCountsAsFailedAndItsReplacementAsARestart() throws Exception {
        WorkerPool pool = newPool(processes(2));
        awaitWorkers(pool, 2);
        String marks = dir.toString();
        CompletableFuture<Long> victim = pool.applyAsync(w -> pidOnceReleased(marks, w), 0);
        TestPools.await("the task started", READY, () -> Files.exists(dir.resolve("started-0")));
        ProcessHandle.of(startedPid(0)).orElseThrow().destroyForcibly();

        ExecutionException died = assertThrows(ExecutionException.class, victim::get);
        assertInstanceOf(WorkerDiedException.class, died.getCause());
        PoolMXBean bean = mxBean(pool);
        assertEquals(1L, bean.getTasksFailed());
        TestPools.await("a replacement worker", READY, () -> bean.getWorkerRestarts() == 1 && bean.getWorkersAlive() == 2);
        assertEquals(1L, bean.getTasksSubmitted());
        assertEquals(0L, bean.getTasksCompleted());
    }

    @Test
    void workersReplacedAfterMaxTasksPerChildCountAsRestarts() throws Exception {
        WorkerPool pool = newPool(processes(1).maxTasksPerChild(1));
        List<Long> pids = pool.map(PoolManagementTest::pid, range(4), 1);

        assertEquals(4, new HashSet<>(pids).size(), "pids " + pids);
        PoolMXBean bean = mxBean(pool);
        // four workers ran one task each; each was replaced as it was given it
        TestPools.await("4 restarts and the fifth worker connected", READY,
                () -> bean.getWorkerRestarts() == 4 && bean.getWorkersAlive() == 1, () -> "restarts "
                        + bean.getWorkerRestarts() + ", alive " + bean.getWorkersAlive());
        assertTrue(pids.stream().noneMatch(pool.workerPids()::contains), "the fifth worker is a new one");
        assertEquals(4L, bean.getTasksCompleted());
    }

    @Test
    void queueDepthCountsItemsNotYetHandedToAWorker() throws Exception {
        WorkerPool pool = newPool(processes(2));
        awaitWorkers(pool, 2);
        String marks = dir.toString();
        CompletableFuture<List<Long>> results = pool.mapAsync(w -> pidOnceReleased(marks, w), range(10), 1);
        TestPools.await("both workers blocked in a task", READY, () -> started() == 2);

        // until chunk times are known, a worker holds two chunks: one running, one waiting behind it
        assertEquals(6, mxBean(pool).getQueueDepth());
        assertEquals(6, attribute(pool, "QueueDepth"));
        assertEquals(10L, attribute(pool, "TasksSubmitted"));
        assertEquals(0L, attribute(pool, "TasksCompleted"));

        release();
        assertEquals(10, results.get().size());
        assertEquals(0, attribute(pool, "QueueDepth"));
        assertEquals(10L, attribute(pool, "TasksCompleted"));
    }

    // ---------------------------------------------------------------- operations

    @Test
    void resizeUpThenDownWhileAMapRunsLosesAndRepeatsNoItem() throws Exception {
        WorkerPool pool = newPool(processes(1));
        PoolMXBean bean = mxBean(pool);
        awaitWorkers(pool, 1);
        String marks = dir.toString();
        CompletableFuture<List<Integer>> results = pool.mapAsync(x -> squareOnceReleased(marks, x), range(30), 1);

        bean.resize(3);
        assertEquals(3, pool.processes());
        assertEquals(3, bean.getProcesses());
        awaitWorkers(pool, 3);
        TestPools.await("the new workers run items", READY, () -> started() == 3);

        bean.resize(1);
        assertEquals(1, pool.processes());
        assertEquals(1, attribute(pool, "Processes"));
        release();

        assertEquals(squares(30), results.get(), "every item once, in order");
        awaitWorkers(pool, 1);
        assertEquals(30L, bean.getTasksSubmitted());
        assertEquals(30L, bean.getTasksCompleted());
        assertEquals(0L, bean.getWorkerRestarts(), "growing and shrinking is no restart");
        assertEquals(List.of(9, 16), pool.map(PoolManagementTest::square, List.of(3, 4)));
    }

    @Test
    void recycleWorkersReplacesEveryWorkerAfterItsCurrentChunk() throws Exception {
        WorkerPool pool = newPool(processes(2));
        awaitWorkers(pool, 2);
        Set<Long> old = new HashSet<>(pool.workerPids());
        String marks = dir.toString();
        CompletableFuture<List<Integer>> results = pool.mapAsync(x -> squareOnceReleased(marks, x), range(20), 1);
        TestPools.await("both workers run an item", READY, () -> started() == 2);

        mxBean(pool).recycleWorkers();   // returns while both workers are blocked
        release();

        assertEquals(squares(20), results.get());
        TestPools.await("two new workers and no old one", READY, () -> {
            List<Long> pids = pool.workerPids();
            return pids.size() == 2 && pids.stream().noneMatch(old::contains);
        }, () -> "old " + old + ", now " + pool.workerPids());
        old.forEach(pid -> TestPools.await("old worker " + pid + " to exit", READY, () -> !TestPools.isAlive(pid)));
        assertEquals(2L, attribute(pool, "WorkerRestarts"));
        Set<Long> ranOn = new HashSet<>(pool.map(PoolManagementTest::pid, range(8), 1));
        assertTrue(ranOn.stream().noneMatch(old::contains), "ran on " + ranOn + ", old " + old);
    }

    @Test
    void resizeBelowOneIsRefusedWithItsReasonAndAStoppedPoolCannotBeResized() throws Exception {
        WorkerPool pool = newPool(processes(2));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> mxBean(pool).resize(0));
        assertEquals("a pool needs at least 1 worker process, got 0; a pool stops when its application is undeployed,"
                + " not by resizing", refused.getMessage());
        RuntimeMBeanException raw = assertThrows(RuntimeMBeanException.class, () -> SERVER.invoke(
                objectName(pool.name()), "resize", new Object[] {-1}, new String[] {"int"}));
        assertInstanceOf(IllegalArgumentException.class, raw.getCause());
        assertEquals(2, pool.processes());

        pool.close();
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> pool.control().resize(3));
        assertTrue(stopped.getMessage().contains("this pool is stopped (CLOSED); it starts again when its application"
                + " is redeployed"), stopped.getMessage());
        assertThrows(IllegalStateException.class, () -> pool.control().recycleWorkers());
    }
}
