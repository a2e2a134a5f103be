package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import javax.management.RuntimeMBeanException;
import javax.management.ObjectName;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sizes have a ceiling ({@code processpool.maxProcesses}, set here by the administrator through the management
 * API), and a pool never runs more workers than it was last asked for: a large resize followed by a small one, or
 * by an undeployment, leaves within seconds no more worker processes than asked, and none after undeployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PoolSizeBoundsIT {
    private static final String SECOND = "bounded-application";
    private static final String CEILING_KEY = "processpool.maxProcesses";
    private static final int CEILING = 12;
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Duration WATCH = Duration.ofSeconds(3);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = SECOND, managed = false, testable = false)
    static WebArchive second() {
        return SecondWar.archive();
    }

    @Test
    void aResizeAboveTheCeilingIsRefusedAndNoMoreWorkersRunThanAskedNorAnyAfterUndeployment() throws Exception {
        ServerSystemProperties.set(CEILING_KEY, Integer.toString(CEILING));
        boolean deployed = false;
        try (ServerJmx jmx = ServerJmx.connect()) {
            long server = jmx.serverPid();
            Await.until(Duration.ofSeconds(30), () -> ServerProcesses.poolProcessesOf(server).isEmpty(),
                    () -> "processes left by earlier tests: " + ServerProcesses.poolProcessesOf(server));
            deployer.deploy(SECOND);
            deployed = true;
            SampleApi api = SecondWar.api();
            assertEquals("A", api.getArray("upper?text=a").getJsonObject(0).getString("upper"));
            ObjectName pool = jmx.awaitPool(SecondWar.LETTERS_POOL, Duration.ofSeconds(30));

            RuntimeMBeanException refused = assertThrows(RuntimeMBeanException.class,
                    () -> jmx.invoke(pool, "resize", CEILING + 1));
            String refusal = ServerJmx.refusal(refused);
            assertTrue(refusal.contains("IllegalArgumentException") && refusal.contains(Integer.toString(CEILING))
                    && refusal.contains(CEILING_KEY), "the refusal names the ceiling and its property: " + refusal);
            assertEquals(1, jmx.attribute(pool, "Processes"), "the refused resize changed nothing");
            assertEquals(1, ServerProcesses.poolProcessesOf(server).size(), "one worker, as before");

            jmx.invoke(pool, "resize", CEILING);
            jmx.invoke(pool, "resize", 2);
            Await.until(SETTLE, () -> ServerProcesses.poolProcessesOf(server).size() <= 2,
                    () -> "worker processes " + SETTLE + " after resizing to 2: "
                            + ServerProcesses.poolProcessesOf(server));
            Await.holdsFor(WATCH, () -> ServerProcesses.poolProcessesOf(server).size() <= 2,
                    () -> "worker processes after resizing to 2: " + ServerProcesses.poolProcessesOf(server));
            Await.until(SETTLE, () -> (Integer) jmx.attribute(pool, "WorkersAlive") == 2,
                    () -> "workers alive: " + jmx.attribute(pool, "WorkersAlive"));
            assertEquals(List.of("B", "C", "D"), api.getArray("upper?text=b&text=c&text=d")
                    .getValuesAs(jakarta.json.JsonObject.class).stream().map(l -> l.getString("upper")).toList());

            jmx.invoke(pool, "resize", CEILING);
            deployer.undeploy(SECOND);
            deployed = false;
            Await.until(SETTLE, () -> ServerProcesses.poolProcessesOf(server).isEmpty(),
                    () -> "worker processes " + SETTLE + " after undeployment: "
                            + ServerProcesses.poolProcessesOf(server));
            Await.holdsFor(WATCH, () -> ServerProcesses.poolProcessesOf(server).isEmpty(),
                    () -> "worker processes started after undeployment: " + ServerProcesses.poolProcessesOf(server));
        } finally {
            if (deployed) {
                deployer.undeploy(SECOND);
            }
            ServerSystemProperties.remove(CEILING_KEY);
        }
    }
}
