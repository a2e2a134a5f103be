package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A task that closes or replaces System.out and System.err does not silence the tasks after it on that worker. */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class OutputAfterClosedStreamsTest {
    @Parameter
    String startMethod;

    static long closeStandardStreams(int ignored) {
        System.out.println("closing out");
        System.out.close();
        System.err.close();
        return ProcessHandle.current().pid();
    }

    static long replaceStandardStreams(int ignored) {
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        return ProcessHandle.current().pid();
    }

    static long print(int x) {
        System.out.println("after, on out: " + x);
        System.err.println("after, on err: " + x);
        return ProcessHandle.current().pid();
    }

    private static String format(LogRecord record) {
        return java.text.MessageFormat.format(record.getMessage(), record.getParameters());
    }

    @Test
    void laterTasksOutputStillReachesTheLog() {
        try (LogCapture workerLog = LogCapture.of("dev.processpool.worker");
                Pool pool = TestPools.newPool(startMethod, 1)) {
            List<LogRecord> records = workerLog.records();
            long worker = pool.apply(OutputAfterClosedStreamsTest::closeStandardStreams, 0);
            assertEquals(worker, pool.apply(OutputAfterClosedStreamsTest::print, 1), "the same worker");
            assertEquals(worker, pool.apply(OutputAfterClosedStreamsTest::replaceStandardStreams, 0));
            assertEquals(worker, pool.apply(OutputAfterClosedStreamsTest::print, 2), "the same worker");
            for (String expected : List.of("[worker " + worker + " out] after, on out: 1",
                    "[worker " + worker + " err] after, on err: 1", "[worker " + worker + " out] after, on out: 2",
                    "[worker " + worker + " err] after, on err: 2")) {
                TestPools.await(expected, Duration.ofSeconds(10),
                        () -> records.stream().anyMatch(r -> format(r).equals(expected)),
                        () -> records.stream().map(OutputAfterClosedStreamsTest::format).toList().toString());
            }
        }
    }
}
