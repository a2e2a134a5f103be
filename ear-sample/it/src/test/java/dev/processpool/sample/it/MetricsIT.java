package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample's pools as WildFly exports them: the micrometer subsystem, enabled with its Prometheus registry by the
 * build (src/test/sh/enable-metrics.sh), gives the deployment a MeterRegistry, processpool registers each injected
 * pool's meters there, and the figures are read back from the management interface's {@code /prometheus} page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {
    private static final String POOL = "sample-reports";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI prometheus = URI.create("http://127.0.0.1:" + System.getProperty("wildfly.management.port",
            "9990") + "/prometheus");
    private final SampleApi api = new SampleApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return SampleEar.archive();
    }

    @Test
    void thePoolsFiguresAreReadFromWhatWildFlyExports() throws Exception {
        assertEquals(OptionalDouble.of(1.0), figure(scrape(), "processpool_pool_processes"),
                "sample-reports keeps 1 worker");
        double before = figure(scrape(), "processpool_pool_tasks_completed_total").orElseThrow(
                () -> new AssertionError("no processpool_pool_tasks_completed_total for " + POOL));

        List<String> words = IntStream.range(0, 6).mapToObj(i -> "metric-" + i).toList();
        api.post("reports", Json.createArrayBuilder(words).build());

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String page = scrape();
        while (figure(page, "processpool_pool_tasks_completed_total").orElse(0) < before + words.size()) {
            assertTrue(System.nanoTime() < deadline, "the completed count did not reach " + (before + words.size())
                    + ":\n" + processpoolLines(page));
            Thread.sleep(200);   // the interval of asking the server again, not a synchronisation
            page = scrape();
        }
        assertEquals(OptionalDouble.of(1.0), figure(page, "processpool_pool_workers_alive"), processpoolLines(page));
        assertTrue(figure(page, "processpool_pool_tasks_submitted_total").orElse(0) >= before + words.size());
        assertTrue(figure(page, "processpool_pool_workers_resident_bytes").orElse(0) > 8 << 20,
                "a worker JVM's resident memory: " + processpoolLines(page));
        assertTrue(Pattern.compile("processpool_pool_processes\\{[^}]*application=\"[^\"]+\"[^}]*pool=\"" + POOL
                + "\"").matcher(page).find(), "tagged with the application: " + processpoolLines(page));
    }

    private String scrape() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(prometheus).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), "GET " + prometheus + ": " + answer.body());
        return answer.body();
    }

    /** The value of {@code metric} for the pool, from Prometheus' text format. */
    private static OptionalDouble figure(String page, String metric) {
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)").matcher(page);
        while (line.find()) {
            if (line.group(1).contains("pool=\"" + POOL + "\"")) {
                return OptionalDouble.of(Double.parseDouble(line.group(2)));
            }
        }
        return OptionalDouble.empty();
    }

    private static String processpoolLines(String page) {
        return page.lines().filter(l -> l.contains("processpool")).reduce("", (a, b) -> a + b + "\n");
    }
}
