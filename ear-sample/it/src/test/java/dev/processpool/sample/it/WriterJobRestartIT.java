package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import javax.management.ObjectName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's batch writer, {@code processPoolItemWriter}, on WildFly's batch runtime (the second application's
 * job {@code mark-words}): a worker killed ({@code kill -9}) in the middle of a chunk fails the job, and the restarted
 * job writes every item exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WriterJobRestartIT {
    private static final String JOB = "mark-words";
    private static final String POOL = "second-marks";
    private static final int WORDS = 40;
    private static final int CHUNK = 10;

    private final SampleApi api = SecondWar.api();

    @Deployment(testable = false)
    static WebArchive second() {
        return SecondWar.archive();
    }

    @Test
    void aWorkerKilledMidChunkFailsTheJobAndTheRestartedJobWritesEveryItemExactlyOnce() throws Exception {
        long first = api.post("jobs/" + JOB + "?count=" + WORDS, JsonValue.EMPTY_JSON_OBJECT).asJsonObject()
                .getJsonNumber("executionId").longValue();
        long killed;
        try (ServerJmx jmx = ServerJmx.connect()) {
            Await.until(Duration.ofSeconds(120), () -> firstChunkWritten(execution(first)),
                    () -> "the first chunk is not written: " + execution(first));
            ObjectName pool = jmx.awaitPool(POOL, Duration.ofSeconds(10));
            // A chunk is in the workers: items handed out that have not come back.
            Await.until(Duration.ofSeconds(30), () -> (Long) jmx.attribute(pool, "TasksSubmitted")
                            > (Long) jmx.attribute(pool, "TasksCompleted") + (Long) jmx.attribute(pool, "TasksFailed"),
                    () -> "no chunk in the workers: " + execution(first));
            List<String> before = written(execution(first));
            killed = pidOf(before.get(before.size() - 1));
            assertTrue(ProcessHandle.of(killed).orElseThrow().destroyForcibly(), "kill -9 " + killed);
        }

        JsonObject failed = api.awaitJob(JOB, first, Duration.ofSeconds(120));
        assertEquals("FAILED", failed.getString("batchStatus"), "the job whose worker was killed: " + failed);
        List<String> writtenBeforeRestart = written(failed);
        assertEquals(0, writtenBeforeRestart.size() % CHUNK, "only whole chunks were written: " + writtenBeforeRestart);
        assertTrue(writtenBeforeRestart.size() < WORDS, "the job failed before the end: " + writtenBeforeRestart);
        assertEquals(words(0, writtenBeforeRestart.size()), wordsOf(writtenBeforeRestart),
                "the chunks before the killed one, each word once");

        long restarted = api.post("jobs/" + JOB + "/" + first + "/restart", JsonValue.EMPTY_JSON_OBJECT)
                .asJsonObject().getJsonNumber("executionId").longValue();
        JsonObject completed = api.awaitJob(JOB, restarted, Duration.ofSeconds(120));

        assertEquals("COMPLETED", completed.getString("batchStatus"), completed.toString());
        assertEquals(failed.getJsonNumber("instanceId"), completed.getJsonNumber("instanceId"), "the same job instance");
        List<String> written = written(completed);
        assertEquals(words(0, WORDS), wordsOf(written), "every word written exactly once, in order");
        assertEquals(writtenBeforeRestart, written.subList(0, writtenBeforeRestart.size()),
                "what the failed execution wrote stays, and is not written again");
        assertFalse(ProcessHandle.of(killed).map(ProcessHandle::isAlive).orElse(false));
    }

    private static boolean firstChunkWritten(JsonObject execution) {
        if (written(execution).size() >= CHUNK) {
            return true;
        }
        if (!List.of("STARTING", "STARTED").contains(execution.getString("batchStatus"))) {
            throw new AssertionError("the job ended before its first chunk was written: " + execution);
        }
        return false;
    }

    private JsonObject execution(long id) {
        return api.getObject("jobs/" + JOB + "/" + id);
    }

    private static List<String> written(JsonObject execution) {
        return execution.getJsonArray("written").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }

    /** {@code word-7@1234} -> {@code word-7} */
    private static List<String> wordsOf(List<String> marked) {
        return marked.stream().map(w -> w.substring(0, w.indexOf('@'))).toList();
    }

    private static long pidOf(String marked) {
        return Long.parseLong(marked.substring(marked.indexOf('@') + 1));
    }

    private static List<String> words(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "word-" + i).toList();
    }
}
