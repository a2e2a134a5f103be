package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pools' admin API and page answer only a user in the role {@code processpool-admin} (WildFly's
 * ApplicationRealm, users made by {@code add-user.sh} before the server starts): no credentials 401, a user without
 * the role 403; a change must be JSON with the {@code X-Requested-By} header, so a form another site posts through
 * the administrator's browser is refused; the administrator resizes and recycles.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminSecurityIT {
    private static final String POOL = "sample-reports";
    private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> PROTECTED = List.of("pools", "../admin/", "../admin/admin.js");

    private final SampleApi anonymous = new SampleApi();
    private final SampleApi viewer = SampleApi.asViewer();
    private final SampleApi admin = SampleApi.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return SampleEar.archive();
    }

    @Test
    void withoutCredentialsThePoolsAndThePageAre401() {
        for (String path : PROTECTED) {
            HttpResponse<String> answer = anonymous.exchange("GET", path, null, null);
            assertEquals(401, answer.statusCode(), "GET " + path + " without credentials");
            assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                    "the answer asks for Basic credentials: " + answer.headers().map());
        }
        assertEquals(401, anonymous.exchange("POST", "pools/" + POOL + "/size", "application/json",
                "{\"processes\":2}", SampleApi.CSRF_HEADER, "x").statusCode());
        assertEquals(1, pool(admin).getInt("Processes"), "nothing changed");
    }

    @Test
    void aUserWithoutTheRoleGets403() {
        for (String path : PROTECTED) {
            assertEquals(403, viewer.exchange("GET", path, null, null).statusCode(), "GET " + path + " as a viewer");
        }
        assertEquals(403, viewer.exchange("POST", "pools/" + POOL + "/recycle", "application/json", "{}",
                SampleApi.CSRF_HEADER, "x").statusCode());
        assertEquals(401, SampleApi.as(System.getProperty("admin.user", "pool-admin"), "wrong-password")
                .exchange("GET", "pools", null, null).statusCode(), "a wrong password is no login");
        assertEquals(200, viewer.exchange("GET", "primes?from=0&to=100&parts=1", null, null).statusCode(),
                "the rest of the sample's API is not the admin's");
    }

    @Test
    void aFormOrARequestWithoutTheCustomHeaderChangesNothing() {
        long restartsBefore = pool(admin).getJsonNumber("WorkerRestarts").longValue();

        HttpResponse<String> form = admin.exchange("POST", "pools/" + POOL + "/size",
                "application/x-www-form-urlencoded", "processes=3", SampleApi.CSRF_HEADER, "x");
        assertEquals(415, form.statusCode(), "a form is not JSON: " + form.body());
        HttpResponse<String> plain = admin.exchange("POST", "pools/" + POOL + "/size", "text/plain",
                "{\"processes\":3}");
        assertEquals(415, plain.statusCode(), "text/plain (what a cross-site form or simple fetch can send)");
        HttpResponse<String> noHeader = admin.exchange("POST", "pools/" + POOL + "/size", "application/json",
                "{\"processes\":3}");
        assertEquals(403, noHeader.statusCode(), "JSON without " + SampleApi.CSRF_HEADER + ": " + noHeader.body());
        assertTrue(noHeader.body().contains(SampleApi.CSRF_HEADER), "the refusal names the header: " + noHeader.body());
        HttpResponse<String> recycle = admin.exchange("POST", "pools/" + POOL + "/recycle", "application/json", "{}");
        assertEquals(403, recycle.statusCode(), "a recycle without the header");

        JsonObject after = pool(admin);
        assertEquals(1, after.getInt("Processes"), "the size is unchanged");
        assertEquals(restartsBefore, after.getJsonNumber("WorkerRestarts").longValue(), "no worker was recycled");
    }

    @Test
    void theAdministratorResizesAndRecyclesThePool() throws Exception {
        try {
            JsonObject answer = admin.change("pools/" + POOL + "/size", Json.createObjectBuilder()
                    .add("processes", 2).build()).asJsonObject();
            assertEquals(2, answer.getInt("processes"));
            await("2 workers alive", () -> pool(admin).getInt("WorkersAlive") == 2 && workerPids().size() == 2);

            Set<Long> before = workerPids();
            admin.change("pools/" + POOL + "/recycle", jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
            await("every worker replaced: none of " + before + " is left",
                    () -> workerPids().size() == 2 && workerPids().stream().noneMatch(before::contains));
            assertNotEquals(before, workerPids());
        } finally {
            admin.change("pools/" + POOL + "/size", Json.createObjectBuilder().add("processes", 1).build());
        }
    }

    @Test
    void restartingARunningPoolIsRefusedInWords() {
        HttpResponse<String> answer = admin.exchange("POST", "pools/" + POOL + "/restart", "application/json", "{}",
                SampleApi.CSRF_HEADER, "x");
        assertEquals(409, answer.statusCode(), "only a BROKEN pool restarts: " + answer.body());
        assertTrue(answer.body().contains("\"error\""), "the refusal says why: " + answer.body());
        assertEquals("RUNNING", pool(admin).getString("State"));
        HttpResponse<String> unknown = admin.exchange("POST", "pools/no-such-pool/recycle", "application/json", "{}",
                SampleApi.CSRF_HEADER, "x");
        assertEquals(404, unknown.statusCode(), unknown.body());
    }

    /** The pool's worker pids as the MXBean's Workers lists them. */
    private Set<Long> workerPids() {
        return pool(admin).getJsonArray("Workers").getValuesAs(JsonObject.class).stream()
                .map(worker -> worker.getJsonNumber("pid").longValue()).collect(Collectors.toSet());
    }

    static JsonObject pool(SampleApi api) {
        return api.getArray("pools").getValuesAs(JsonObject.class).stream()
                .filter(pool -> POOL.equals(pool.getString("Name")))
                .findFirst().orElseThrow(() -> new AssertionError(POOL + " is not among the server's pools"));
    }

    private static void await(String condition, Supplier<Boolean> met) throws InterruptedException {
        long deadline = System.nanoTime() + CHANGE_TIMEOUT.toNanos();
        while (!met.get()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + condition);
            Thread.sleep(100);   // the interval of asking the server for a condition, not a synchronisation
        }
    }
}
