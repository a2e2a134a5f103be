package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample's endpoints do their work in worker processes of the server, with the right answers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkInWorkerProcessesIT {
    private final SampleApi api = new SampleApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return SampleEar.archive();
    }

    @Test
    void primesAreCountedInWorkerProcessesOfTheServer() {
        JsonObject answer = api.getObject("primes?from=0&to=200000&parts=4");

        assertEquals(PrimeSieve.count(0, 200_000), answer.getJsonNumber("count").longValue());
        assertRanInWorkers(pids(answer.getJsonArray("workerPids")));
    }

    @Test
    void aBatchOfStringsIsHashedInWorkerProcesses() throws Exception {
        List<String> words = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "théta");
        JsonArray answer = (JsonArray) api.post("hashes", Json.createArrayBuilder(words).build());

        assertEquals(words.size(), answer.size());
        Set<Long> pids = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            JsonObject hashed = answer.getJsonObject(i);
            assertEquals(words.get(i), hashed.getString("input"));
            assertEquals(sha256(words.get(i)), hashed.getString("sha256"));
            pids.add(hashed.getJsonNumber("pid").longValue());
        }
        assertRanInWorkers(pids);
    }

    @Test
    void twoRequestsInParallelShareTheOwnersPoolAndBothGetTheirAnswers() {
        CompletableFuture<JsonObject> first = api.getAsync("primes?from=0&to=150000&parts=6").thenApply(JsonObject.class::cast);
        CompletableFuture<JsonObject> second = api.getAsync("primes?from=150000&to=300000&parts=6").thenApply(JsonObject.class::cast);

        assertEquals(PrimeSieve.count(0, 150_000), first.join().getJsonNumber("count").longValue());
        assertEquals(PrimeSieve.count(150_000, 300_000), second.join().getJsonNumber("count").longValue());
        Set<Long> pids = pids(first.join().getJsonArray("workerPids"));
        pids.addAll(pids(second.join().getJsonArray("workerPids")));
        assertTrue(pids.size() <= 2, "both requests ran on the prime counter's one pool of 2 workers, not on " + pids);
        assertRanInWorkers(pids);
    }

    @Test
    void aTaskClassThatOnlyTheWarHoldsRunsInAWorker() throws IOException {
        String shout = "dev/processpool/sample/web/Shout.class";
        assertTrue(warClasses().contains("WEB-INF/classes/" + shout), "the WAR holds " + shout);
        try (ZipFile ear = new ZipFile(SampleEar.file())) {
            assertFalse(ear.stream().map(ZipEntry::getName).anyMatch(name -> name.endsWith(shout)),
                    "no other module of the EAR holds " + shout);
        }

        JsonArray answer = api.getArray("shout?text=hello&text=ear");

        assertEquals(List.of("HELLO!", "EAR!"), answer.getValuesAs(JsonObject.class).stream()
                .map(shouted -> shouted.getString("text")).toList());
        JsonObject first = answer.getJsonObject(0);
        assertTrue(first.getString("classLoader").startsWith("processpool-remote-"),
                "the worker loaded Shout through the pool's remote class loading: " + first);
        assertRanInWorkers(Set.of(first.getJsonNumber("pid").longValue()));
    }

    /** Each pid is a live worker that processpool started for the server, not the server itself. */
    private void assertRanInWorkers(Set<Long> pids) {
        JsonObject processes = api.getObject("processes");
        long serverPid = processes.getJsonNumber("serverPid").longValue();
        List<Long> workers = ServerProcesses.pidsOfRole(processes, "worker");
        assertFalse(pids.isEmpty());
        for (long pid : pids) {
            assertTrue(pid != serverPid, "the work ran in the server's own JVM (" + pid + ")");
            assertTrue(workers.contains(pid), pid + " is one of the server's worker processes " + workers);
        }
    }

    private static Set<Long> pids(JsonArray array) {
        Set<Long> pids = new HashSet<>();
        array.getValuesAs(JsonNumber.class).forEach(n -> pids.add(n.longValue()));
        return pids;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> warClasses() throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile ear = new ZipFile(SampleEar.file());
                ZipInputStream war = new ZipInputStream(ear.getInputStream(ear.getEntry("ear-sample-web.war")))) {
            for (ZipEntry entry = war.getNextEntry(); entry != null; entry = war.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

}
