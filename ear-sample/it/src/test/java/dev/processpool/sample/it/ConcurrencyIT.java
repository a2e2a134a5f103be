package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Injected pools with WildFly's own Jakarta Concurrency: ownership as a propagated context, managed futures. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrencyIT {
    private final SampleApi api = new SampleApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return SampleEar.archive();
    }

    @Test
    void theOwnersTaskOnTheDefaultManagedExecutorMayUseThePoolAndAnotherBeansTaskMayNot() {
        JsonObject answer = api.getObject("concurrency/ownership");

        JsonObject ownerTask = answer.getJsonObject("ownerTask");
        assertEquals(PrimeSieve.count(0, 1000), ownerTask.getJsonNumber("count").longValue(), answer.toString());
        long serverPid = api.getObject("processes").getJsonNumber("serverPid").longValue();
        assertNotEquals(serverPid, ownerTask.getJsonNumber("pid").longValue(), "counted in a worker process");
        JsonObject bystanderTask = answer.getJsonObject("bystanderTask");
        assertFalse(bystanderTask.getBoolean("served"), answer.toString());
        String refusal = bystanderTask.getString("detail");
        assertTrue(refusal.startsWith("java.lang.IllegalStateException: ") && refusal.contains("serves only its owner")
                && refusal.contains("OwnershipProbe"), refusal);
    }

    @Test
    void dependentStagesOfAPoolsFutureRunWithTheApplicationsNamingContextAndClassLoader() {
        JsonObject stages = api.getObject("concurrency/stages");

        for (String stage : new String[] {"thenApply", "thenApplyAsync"}) {
            JsonObject seen = stages.getJsonObject(stage);
            assertEquals("ear-sample-web", seen.getString("moduleName"), stage + ": " + seen);
            assertTrue(seen.getBoolean("applicationClassLoader"), stage + ": " + seen);
        }
        JsonObject control = stages.getJsonObject("commonPool");
        assertNotEquals("ear-sample-web", control.getString("moduleName"),
                "a thread without the application's context cannot see its module name: " + control);
    }
}
