package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
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
            api.get("primes?from=0&to=20000&parts=2");
            api.post("hashes", Json.createArrayBuilder(List.of("a", "b")).build());
            api.get("shout?text=x");
            api.get("concurrency/ownership");
            api.get("concurrency/stages");
            long job = api.startJob(5);
            assertEquals("COMPLETED", api.awaitJob(job, Duration.ofSeconds(120)).getString("batchStatus"));
            JsonObject processes = api.getObject("processes");
            serverPid = processes.getJsonNumber("serverPid").longValue();
            started = ServerProcesses.pidsOfRole(processes, "worker");
            assertTrue(started.size() >= 9, "every pool the sample used has started its workers: " + processes);
            List<Long> forkservers = ServerProcesses.pidsOfRole(processes, "forkserver");
            assertEquals(1, forkservers.size(), "the default start method's server runs: " + processes);
            started = new java.util.ArrayList<>(started);
            started.addAll(forkservers);
            started.forEach(pid -> assertTrue(ServerProcesses.isAlive(pid), pid + " is alive before undeployment"));
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }

        assertEquals(List.of(), ServerProcesses.awaitExit(started, Duration.ofSeconds(30)),
                "workers still alive 30 s after undeployment");
        assertEquals(List.of(), ServerProcesses.startedFor(serverPid),
                "processes processpool started for the server (pid " + serverPid + ") after undeployment");
    }
}
