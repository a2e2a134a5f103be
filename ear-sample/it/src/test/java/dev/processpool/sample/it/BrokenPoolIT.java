package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A pool that breaks stays listed over JMX as BROKEN, with its reason, and an administrator restarts it once the
 * cause is mended: here its workers' initializer refuses to start without the scratch directory that the
 * administrator named in the pool's configuration (a system property set through the management API), until the
 * directory is made.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrokenPoolIT {
    private static final String SECOND = "broken-pool-application";
    private static final String JVM_OPTIONS_KEY = "processpool." + SecondWar.FRAGILE_POOL + ".jvmOptions";
    private final Path scratch = Path.of("target", "broken-pool-scratch").toAbsolutePath();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = SECOND, managed = false, testable = false)
    static WebArchive second() {
        return SecondWar.archive();
    }

    @Test
    void aBrokenPoolStaysListedWithItsReasonAndRestartsFromJmxOnceTheCauseIsRemoved() throws Exception {
        deleteIfThere(scratch);
        ServerSystemProperties.set(JVM_OPTIONS_KEY, "-Dsecond.scratch=" + scratch);
        deployer.deploy(SECOND);
        try (ServerJmx jmx = ServerJmx.connect()) {
            SampleApi api = SecondWar.api();
            HttpResponse<String> failed = api.getResponse("fragile?text=a");
            assertEquals(500, failed.statusCode(), "a call on a pool whose workers cannot start fails: "
                    + failed.body());

            ObjectName fragile = jmx.awaitPool(SecondWar.FRAGILE_POOL, Duration.ofSeconds(30));
            Await.until(Duration.ofSeconds(60), () -> "BROKEN".equals(jmx.attribute(fragile, "State")),
                    () -> "state of " + fragile + ": " + jmx.attribute(fragile, "State"));
            String reason = (String) jmx.attribute(fragile, "BrokenReason");
            assertTrue(reason.contains("IllegalStateException") && reason.contains(scratch + " (-Dsecond.scratch)"
                    + " does not exist"), "the reason says what the initializer refused: " + reason);
            assertEquals(500, api.getResponse("fragile?text=b").statusCode());
            assertEquals(fragile, jmx.pool(SecondWar.FRAGILE_POOL).orElseThrow(),
                    "still listed, under the same name, after it broke and was called again");

            ObjectName letters = jmx.pool(SecondWar.LETTERS_POOL).orElse(null);
            if (letters == null) {
                api.getArray("upper?text=x");
                letters = jmx.awaitPool(SecondWar.LETTERS_POOL, Duration.ofSeconds(30));
            }
            ObjectName running = letters;
            RuntimeMBeanException refused = assertThrows(RuntimeMBeanException.class,
                    () -> jmx.invoke(running, "restart"));
            assertTrue(ServerJmx.refusal(refused).contains("IllegalStateException"),
                    "restart() of a running pool is refused: " + ServerJmx.refusal(refused));

            Files.createDirectories(scratch);
            jmx.invoke(fragile, "restart");
            Await.until(Duration.ofSeconds(60), () -> "RUNNING".equals(jmx.attribute(fragile, "State"))
                            && (Integer) jmx.attribute(fragile, "WorkersAlive") == 1,
                    () -> "state of " + fragile + " after restart(): " + jmx.attribute(fragile, "State") + ", "
                            + jmx.attribute(fragile, "WorkersAlive") + " workers alive, broken reason "
                            + jmx.attribute(fragile, "BrokenReason"));
            assertEquals("", jmx.attribute(fragile, "BrokenReason"));
            assertEquals("C", api.getArray("fragile?text=c").getJsonObject(0).getString("upper"),
                    "the restarted pool serves its owner again");
        } finally {
            deployer.undeploy(SECOND);
            ServerSystemProperties.remove(JVM_OPTIONS_KEY);
            deleteIfThere(scratch);
        }
    }

    private static void deleteIfThere(Path directory) throws java.io.IOException {
        Files.deleteIfExists(directory);
    }
}
