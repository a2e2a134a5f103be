package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** What tasks print never disturbs the protocol; it reaches the parent's log marked with the worker's pid. */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class TaskOutputTest {
    @Parameter
    String startMethod;
    private LogCapture workerLog;
    private List<LogRecord> records;

    @BeforeEach
    void captureWorkerLog() {
        workerLog = LogCapture.of("dev.processpool.worker");
        records = workerLog.records();
    }

    @AfterEach
    void releaseWorkerLog() {
        workerLog.close();
    }

    /** Prints lines that look like protocol frames and raw bytes, on both streams, then returns its input. */
    static int noisy(int x) {
        for (int i = 0; i < 200; i++) {
            System.out.println("noise " + x + " line " + i + " \u0000\u0000\u0000\u0005\u0006 {\"t\":1}");
            System.err.print("err " + x + "\u0001\u0002");
        }
        System.out.write(new byte[] {0, 0, 0, 9, 7, 1, 2, 3, 4, 5, 6, 7, 8, '\n'}, 0, 14);
        System.out.println("pid " + ProcessHandle.current().pid() + " says done with " + x);
        return x;
    }

    @Test
    void noisyTasksReturnCorrectResultsAndTheirOutputReachesTheParentLogWithThePid() {
        try (Pool pool = TestPools.newPool(startMethod, 2)) {
            List<Integer> inputs = IntStream.range(0, 20).boxed().toList();
            assertEquals(inputs, pool.map(TaskOutputTest::noisy, inputs, 1));
            pool.apply(TaskOutputTest::noisy, 99);
            TestPools.await("the task's output in the parent's log", Duration.ofSeconds(10), () -> records.stream()
                    .anyMatch(r -> format(r).contains("says done with 99")));
            LogRecord done = records.stream().filter(r -> format(r).contains("says done with 99")).findFirst().get();
            String line = format(done);
            String markedPid = line.replaceAll("(?s)^\\[worker (\\d+) out\\] .*", "$1");
            assertTrue(line.contains("pid " + markedPid + " says done"), "marked with the worker's pid: " + line);
            assertEquals(Level.INFO, done.getLevel());
            assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING && format(r).contains(" err]")),
                    "stderr output is logged as a warning");
        }
    }

    private static String format(LogRecord record) {
        return java.text.MessageFormat.format(record.getMessage(), record.getParameters());
    }
}
