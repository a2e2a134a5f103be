package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.internal.channel.PrivateSocket;
import dev.processpool.internal.pool.WorkerPool;
import java.io.BufferedReader;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing outlives its owner: a parent JVM (started by the test) that is killed, or that exits without
 * closing its pool, leaves no worker, socket or temp directory behind.
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class ParentDeathTest {
    @Parameter
    String startMethod;
    private Process parent;

    /** The parent: starts a pool of 2, prints its worker pids once ready, then waits or exits. */
    public static void main(String[] args) throws Exception {
        WorkerPool pool = TestPools.newPool(args[0], 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pool.workerPids().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.println("PIDS " + pool.workerPids().stream().map(String::valueOf).reduce((a, b) -> a + " " + b)
                .orElse(""));
        System.out.flush();
        if ("exit-without-close".equals(args[1])) {
            return;
        }
        Thread.sleep(120_000);
    }

    @AfterEach
    void killParent() {
        if (parent != null) {
            parent.destroyForcibly();
        }
    }

    private List<Long> startParent(String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ParentDeathTest.class.getName(), startMethod, mode).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("PIDS ")) {
                List<Long> pids = Arrays.stream(line.substring(5).trim().split(" ")).map(Long::parseLong).toList();
                new Thread(() -> drain(out)).start();
                return pids;
            }
        }
        throw new AssertionError("the parent JVM ended without reporting its workers");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe open until the parent ends
            }
        } catch (IOException ignored) {
            // the parent is gone
        }
    }

    /** The processes still alive among {@code pids}, with their command lines' main classes. */
    private static List<String> alive(List<Long> pids) {
        return pids.stream().flatMap(pid -> ProcessHandle.of(pid).filter(h -> TestPools.isAlive(h.pid())).stream())
                .map(handle -> handle.pid() + " " + handle.info().commandLine().orElse("?")
                        .replaceAll(".* (\\S+)$", "$1"))
                .toList();
    }

    private boolean noneAlive(List<Long> pids) {
        return pids.stream().noneMatch(TestPools::isAlive);
    }

    private List<Path> socketDirectoriesOf(long pid) throws IOException {
        String prefix = PrivateSocket.DIRECTORY_PREFIX + pid + "-";
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    /** The socket directories of these processes, with what is in them. */
    private List<String> socketDirectoriesOf(List<Long> pids) {
        List<String> left = new java.util.ArrayList<>();
        for (long pid : pids) {
            try {
                for (Path directory : socketDirectoriesOf(pid)) {
                    try (Stream<Path> files = Files.list(directory)) {
                        left.add(directory + " " + files.map(f -> f.getFileName().toString()).toList());
                    } catch (IOException gone) {
                        // removed meanwhile
                    }
                }
            } catch (IOException e) {
                left.add("cannot list: " + e);
            }
        }
        return left;
    }

    @Test
    void killedParentLeavesNoWorkerServerOrSocketWithinTwoSeconds() throws Exception {
        List<Long> workers = startParent("wait");
        assertEquals(2, workers.size());
        long parentPid = parent.pid();
        assertEquals(1, socketDirectoriesOf(parentPid).size(), "the pool's socket directory while it runs");
        // Every process the parent started: workers, and for forkserver the server and its reserve.
        List<Long> started = ProcessHandle.of(parentPid).orElseThrow().descendants().map(ProcessHandle::pid).toList();
        assertTrue(started.containsAll(workers), "workers " + workers + " among the descendants " + started);

        parent.destroyForcibly();

        TestPools.await("every process of the killed parent to exit", Duration.ofSeconds(2), () -> noneAlive(started),
                () -> "alive: " + alive(started) + "; the pool's workers " + workers);
        TestPools.await("every socket directory to be removed", Duration.ofSeconds(2),
                () -> socketDirectoriesOf(concat(parentPid, started)).isEmpty(),
                () -> "left: " + socketDirectoriesOf(concat(parentPid, started)) + "; the pool's workers " + workers
                        + ", every process the parent started " + started);
    }

    private static List<Long> concat(long first, List<Long> rest) {
        List<Long> all = new java.util.ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    @Test
    void parentExitingWithoutClosingItsPoolExitsNormallyAndLeavesNoWorker() throws Exception {
        List<Long> workers = startParent("exit-without-close");
        assertTrue(parent.waitFor(30, TimeUnit.SECONDS), "the parent JVM exits although its pool is open");
        assertEquals(0, parent.exitValue());
        TestPools.await("workers of the exited parent to exit", Duration.ofSeconds(2), () -> noneAlive(workers),
                () -> "alive: " + alive(workers));
    }

}
