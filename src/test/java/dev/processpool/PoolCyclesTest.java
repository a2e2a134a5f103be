package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.processpool.internal.channel.PrivateSocket;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Pool create/close cycles leave threads, file descriptors, processes and temp files at their baseline. */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class PoolCyclesTest {
    private static final int CYCLES = 50;

    @Parameter
    String startMethod;

    private final List<Long> workers = new ArrayList<>();

    static long pid(int x) {
        return ProcessHandle.current().pid();
    }

    private void cycle() {
        try (Pool pool = TestPools.newPool(startMethod, 1)) {
            workers.add(pool.apply(PoolCyclesTest::pid, 0));
        }
    }

    @Test
    void fiftyCreateCloseCyclesLeaveNoProcessThreadDescriptorOrSocketBehind() {
        cycle();   // the JVM's own lazily started threads and files are part of the baseline
        long threads = libraryThreads();
        long descriptors = openDescriptors();
        for (int i = 0; i < CYCLES; i++) {
            cycle();
        }
        assertEquals(CYCLES + 1, new HashSet<>(workers).size(), "a worker of its own for every pool");
        assertEquals(List.of(), workers.stream().filter(TestPools::isAlive).toList(), "worker processes left");
        assertEquals(List.of(), TestPools.workerProcesses(), "worker processes left");
        TestPools.await("library threads back to " + threads, Duration.ofSeconds(10), () -> libraryThreads() <= threads);
        TestPools.await("file descriptors back to " + descriptors, Duration.ofSeconds(10),
                () -> openDescriptors() <= descriptors);
        assertEquals(0, socketDirectories(), "socket directories left");
    }

    private static long libraryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("processpool")).count();
    }

    private static long openDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    private static long socketDirectories() {
        String prefix = PrivateSocket.DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-";
        String[] entries = Objects.requireNonNull(Path.of(System.getProperty("java.io.tmpdir")).toFile().list());
        return java.util.Arrays.stream(entries).filter(name -> name.startsWith(prefix)).count();
    }
}
