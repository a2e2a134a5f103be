package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample's Jakarta Batch job hashes its items in worker processes and completes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchJobIT {
    private final SampleApi api = new SampleApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return SampleEar.archive();
    }

    @Test
    void theHashWordsJobHashesEveryItemOnceInWorkerProcessesCompletesAndStopsItsWorkers() throws Exception {
        int count = 45;
        long id = api.startJob(count);

        JsonObject execution = api.awaitJob(id, Duration.ofSeconds(120));

        assertEquals("COMPLETED", execution.getString("batchStatus"), execution.toString());
        Map<String, String> hashes = new TreeMap<>();
        Set<Long> pids = new HashSet<>();
        for (JsonObject hashed : execution.getJsonArray("hashes").getValuesAs(JsonObject.class)) {
            assertEquals(null, hashes.put(hashed.getString("input"), hashed.getString("sha256")),
                    hashed.getString("input") + " was written once");
            pids.add(hashed.getJsonNumber("pid").longValue());
        }
        List<String> words = IntStream.range(0, count).mapToObj(i -> "word-" + i).toList();
        assertEquals(new TreeMap<>(words.stream().collect(java.util.stream.Collectors.toMap(w -> w, Sha256::hex))), hashes);
        long serverPid = api.getObject("processes").getJsonNumber("serverPid").longValue();
        assertFalse(pids.contains(serverPid), "the items were hashed in worker processes, not the server: " + pids);
        assertTrue(pids.size() >= 1 && pids.size() <= 2, "one pool of 2 workers hashed the job's items: " + pids);
        assertEquals(List.of(), ServerProcesses.awaitExit(List.copyOf(pids), Duration.ofSeconds(30)),
                "the writer's pool stopped when the batch runtime destroyed the writer at the end of the job");
    }
}
