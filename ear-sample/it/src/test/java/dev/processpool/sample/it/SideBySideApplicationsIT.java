package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.management.ObjectName;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two applications on one server, each with its own copy of the library: deploying, redeploying and undeploying
 * the second never disturbs the first, whose pool keeps starting fresh workers all along (its
 * {@code maxTasksPerChild}, set by the administrator, and {@code recycleWorkers} called over JMX).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SideBySideApplicationsIT {
    private static final String FIRST = "first-application";
    private static final String SECOND = "second-application";
    private static final String REPORTS_POOL = "sample-reports";
    /** Four words a call, a chunk each: a worker of the first application's pool serves two calls, then leaves. */
    private static final String MAX_TASKS_KEY = "processpool." + REPORTS_POOL + ".maxTasksPerChild";
    private static final int MAX_TASKS = 8;
    private static final Duration FRESH_WORKER_TIMEOUT = Duration.ofSeconds(60);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = FIRST, managed = false, testable = false)
    static EnterpriseArchive first() {
        return SampleEar.archive();
    }

    @Deployment(name = SECOND, managed = false, testable = false)
    static WebArchive second() {
        return SecondWar.archive();
    }

    @Test
    void theFirstApplicationAnswersEveryCallWhileTheSecondIsDeployedRedeployedAndUndeployed() throws Exception {
        ServerSystemProperties.set(MAX_TASKS_KEY, Integer.toString(MAX_TASKS));
        deployer.deploy(FIRST);
        try (ServerJmx jmx = ServerJmx.connect()) {
            ObjectName reports = jmx.awaitPool(REPORTS_POOL, Duration.ofSeconds(60));
            assertEquals("ear-sample", reports.getKeyProperty("application"), "the pool says whose it is: " + reports);
            assertEquals(MAX_TASKS, jmx.attribute(reports, "MaxTasksPerChild"), "the administrator's setting applies");
            long serverPid = jmx.serverPid();
            long restartsBefore = (Long) jmx.attribute(reports, "WorkerRestarts");
            ReportsClient first = ReportsClient.start(new SampleApi());
            try {
                first.awaitFreshWorker(FRESH_WORKER_TIMEOUT);

                deployer.deploy(SECOND);
                assertSecondWorks(serverPid);
                ObjectName letters = jmx.awaitPool(SecondWar.LETTERS_POOL, Duration.ofSeconds(30));
                assertEquals("second", letters.getKeyProperty("application"), "the pool says whose it is: " + letters);
                jmx.invoke(reports, "recycleWorkers");
                first.awaitFreshWorker(FRESH_WORKER_TIMEOUT);

                deployer.undeploy(SECOND);
                first.awaitFreshWorker(FRESH_WORKER_TIMEOUT);
                deployer.deploy(SECOND);
                assertSecondWorks(serverPid);
                jmx.invoke(reports, "recycleWorkers");
                first.awaitFreshWorker(FRESH_WORKER_TIMEOUT);

                deployer.undeploy(SECOND);
                jmx.invoke(reports, "recycleWorkers");
                first.awaitFreshWorker(FRESH_WORKER_TIMEOUT);
                first.awaitFreshWorker(FRESH_WORKER_TIMEOUT);
            } finally {
                first.stop();
            }

            assertEquals(List.of(), first.failures(), "calls of the first application that failed");
            assertTrue(first.workerPids().size() >= 7, "the first application's pool started a fresh worker"
                    + " at each step: " + first.workerPids());
            assertFalse(first.workerPids().contains(serverPid), "its work ran in workers, not the server");
            assertEquals("RUNNING", jmx.attribute(reports, "State"));
            assertTrue((Long) jmx.attribute(reports, "WorkerRestarts") >= restartsBefore + 6,
                    "worker restarts of " + REPORTS_POOL + ": " + jmx.attribute(reports, "WorkerRestarts"));
        } finally {
            try {
                deployer.undeploy(SECOND);
            } catch (RuntimeException notDeployed) {
                // undeployed by the test already
            }
            deployer.undeploy(FIRST);
            ServerSystemProperties.remove(MAX_TASKS_KEY);
        }
    }

    private static void assertSecondWorks(long serverPid) {
        JsonArray answer = SecondWar.api().getArray("upper?text=abc&text=d%C3%A9f");
        assertEquals(List.of("ABC", "DÉF"), answer.getValuesAs(JsonObject.class).stream()
                .map(lettered -> lettered.getString("upper")).toList());
        long pid = answer.getJsonObject(0).getJsonNumber("pid").longValue();
        assertTrue(pid != serverPid && ServerProcesses.poolProcessesOf(serverPid).contains(pid),
                "the second application's work ran in a worker of the server: " + pid);
    }

    /**
     * Calls {@code POST /sample/api/reports} over and over on a thread of its own, checking every answer, until
     * stopped; remembers what failed and which workers answered.
     */
    private static final class ReportsClient implements Runnable {
        private final SampleApi api;
        private final Thread thread = new Thread(this, "first-application-client");
        private final List<String> failures = new ArrayList<>();
        private final Set<Long> workerPids = new TreeSet<>();
        private volatile boolean stopped;
        private int calls;

        private ReportsClient(SampleApi api) {
            this.api = api;
        }

        static ReportsClient start(SampleApi api) {
            ReportsClient client = new ReportsClient(api);
            client.thread.start();
            return client;
        }

        @Override
        public void run() {
            while (!stopped) {
                int call = calls;
                List<String> words = List.of("r" + call + "-a", "r" + call + "-b", "r" + call + "-c", "r" + call + "-d");
                try {
                    JsonArray answer = api.post("reports", Json.createArrayBuilder(words).build()).asJsonArray();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < words.size(); i++) {
                        JsonObject hashed = answer.getJsonObject(i);
                        if (!words.get(i).equals(hashed.getString("input"))
                                || !Sha256.hex(words.get(i)).equals(hashed.getString("sha256"))) {
                            wrong.add(hashed.toString());
                        }
                    }
                    synchronized (this) {
                        if (!wrong.isEmpty() || answer.size() != words.size()) {
                            failures.add("call " + call + " answered wrongly: " + answer);
                        }
                        answer.getValuesAs(JsonObject.class)
                                .forEach(hashed -> workerPids.add(hashed.getJsonNumber("pid").longValue()));
                        calls++;
                        notifyAll();
                    }
                } catch (RuntimeException e) {
                    synchronized (this) {
                        failures.add("call " + call + ": " + e);
                        calls++;
                        notifyAll();
                    }
                }
            }
        }

        /** Waits until an answer comes from a worker that had not answered before. */
        synchronized void awaitFreshWorker(Duration timeout) throws InterruptedException {
            Set<Long> seen = new TreeSet<>(workerPids);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen.containsAll(workerPids)) {
                if (!failures.isEmpty()) {
                    throw new AssertionError("the first application failed: " + failures.subList(0,
                            Math.min(3, failures.size())) + (failures.size() > 3 ? " …" : ""));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no call answered by a fresh worker within " + timeout + " (workers "
                            + workerPids + ", " + calls + " calls, failures " + failures + ")");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            thread.join(Duration.ofSeconds(150).toMillis());
        }

        synchronized List<String> failures() {
            return List.copyOf(failures);
        }

        synchronized Set<Long> workerPids() {
            return new TreeSet<>(workerPids);
        }
    }
}
