package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.LogCapture;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A pool owned by a request-scoped bean (or a dependent bean of one) starts its workers for every request: the
 * deployment logs a warning that names the injection point and says what to do instead. A long-lived owner gets none.
 */
class ShortLivedOwnerWarningTest {
    @Test
    void aRequestScopedOwnerIsWarnedOfAtDeployment() {
        List<String> warnings = deploymentWarnings(RequestWork.class);

        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.contains("@ProcessPool RequestWork.pool"), warning);
        assertTrue(warning.contains("@RequestScoped"), warning);
        assertTrue(warning.contains("each instance starts its own worker processes"), warning);
        assertTrue(warning.contains("@ApplicationScoped"), warning);
    }

    @Test
    void aDependentOwnerInjectedIntoARequestScopedBeanIsWarnedOf() {
        List<String> warnings = deploymentWarnings(RequestHandler.class, PerRequestHelper.class);

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("@ProcessPool PerRequestHelper.pool"), warnings.get(0));
        assertTrue(warnings.get(0).contains("RequestHandler.helper"), warnings.get(0));
    }

    @Test
    void anApplicationScopedOwnerIsNotWarnedOf() {
        assertEquals(List.of(), deploymentWarnings(ReportService.class, PerRequestHelper.class));
    }

    private static List<String> deploymentWarnings(Class<?>... beans) {
        try (LogCapture log = LogCapture.of("dev.processpool.cdi")) {
            try (WeldContainer container = Containers.start(beans)) {
                return log.records().stream()
                        .filter(record -> record.getLevel() == Level.WARNING)
                        .map(LogRecord::getMessage)
                        .filter(message -> message.contains("@ProcessPool"))
                        .toList();
            }
        }
    }
}
