package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Undeploying the application stops every process processpool started for it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeploymentIT {
    private static final String DEPLOYMENT = "undeployed-sample";

    @ArquillianResource
    Deployer deployer;

    private final SampleApi api = new SampleApi();

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return SampleEar.archive();
    }

    @Test
    void undeployingTheApplicationLeavesNoWorkerProcessAlive() throws InterruptedException {
        deployer.deploy(DEPLOYMENT);
        long serverPid;
        List<Long> started;
        try {
            long job = api.startJob(5);
            assertEquals("COMPLETED", api.awaitJob(job, Duration.ofSeconds(120)).getString("batchStatus"));
            List<Long> working = new ArrayList<>();
            api.getObject("primes?from=0&to=20000&parts=2").getJsonArray("workerPids")
                    .getValuesAs(JsonNumber.class).forEach(pid -> working.add(pid.longValue()));
            working.add(pidOfFirst(api.post("hashes", Json.createArrayBuilder(List.of("a", "b")).build()).asJsonArray()));
            working.add(pidOfFirst(api.getArray("shout?text=x")));
            working.add(api.getObject("concurrency/ownership").getJsonObject("ownerTask").getJsonNumber("pid").longValue());
            api.get("concurrency/stages");
            JsonObject processes = api.getObject("processes");
            serverPid = processes.getJsonNumber("serverPid").longValue();
            started = new ArrayList<>(ServerProcesses.pidsOfRole(processes, "worker"));
            List<Long> forkservers = ServerProcesses.pidsOfRole(processes, "forkserver");
            assertEquals(1, forkservers.size(), "the default start method's server runs: " + processes);
            started.addAll(forkservers);
            for (long pid : working) {
                assertTrue(started.contains(pid) && ServerProcesses.isAlive(pid),
                        "worker " + pid + " that did the work is alive before undeployment: " + processes);
            }
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }

        assertEquals(List.of(), ServerProcesses.awaitExit(started, Duration.ofSeconds(30)),
                "workers and forkserver still alive 30 s after undeployment");
        // Also those not listed above, such as a reserve worker the forkserver started since.
        assertEquals(List.of(), ServerProcesses.awaitExit(ServerProcesses.startedFor(serverPid), Duration.ofSeconds(30)),
                "processes processpool started for the server (pid " + serverPid + ") 30 s after undeployment");
    }

    private static long pidOfFirst(JsonArray answers) {
        return answers.getJsonObject(0).getJsonNumber("pid").longValue();
    }
}
