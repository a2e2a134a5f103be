package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pool injected into a request-scoped bean (each request starts its own workers) is worth a warning at
 * deployment, in the server's log, naming the injection point.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PerRequestPoolWarningIT {
    private static final String INJECTION_POINT = "PerRequestLetters.pool";

    @Deployment(testable = false)
    static WebArchive second() {
        return SecondWar.archive();
    }

    @Test
    void deployingARequestScopedOwnerOfAPoolLogsAWarningThatNamesTheInjectionPoint() throws IOException {
        List<String> warnings = serverLog().stream()
                .filter(line -> line.contains(" WARN ") && line.contains(INJECTION_POINT))
                .toList();

        assertFalse(warnings.isEmpty(), "no warning in the server's log names " + INJECTION_POINT);
        assertEquals("PER REQUEST", SecondWar.api().getArray("per-request?text=per%20request").getJsonObject(0)
                .getString("upper"), "the warned-about pool still works");
    }

    private static List<String> serverLog() throws IOException {
        Path log = Path.of(System.getProperty("wildfly.home"), "standalone", "log", "server.log");
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }
}
