package dev.processpool.sample.it;

import java.io.IOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * System properties of the server under test, set and removed through its management API (as
 * {@code /system-property=NAME:add(value=VALUE)} in jboss-cli): how an administrator configures a named pool
 * ({@code processpool.<name>.<member>}) without touching the application.
 */
final class ServerSystemProperties {
    private ServerSystemProperties() {
    }

    static int managementPort() {
        return Integer.getInteger("wildfly.management.port", 9990);
    }

    static void set(String name, String value) throws IOException {
        try (ModelControllerClient client = client()) {
            remove(client, name);
            ModelNode add = Operations.createAddOperation(address(name));
            add.get("value").set(value);
            execute(client, add);
        }
    }

    static void remove(String name) throws IOException {
        try (ModelControllerClient client = client()) {
            remove(client, name);
        }
    }

    private static void remove(ModelControllerClient client, String name) throws IOException {
        ModelNode read = Operations.createReadResourceOperation(address(name));
        if (Operations.isSuccessfulOutcome(client.execute(read))) {
            execute(client, Operations.createRemoveOperation(address(name)));
        }
    }

    /** A client of the management API, authenticated as the local user, as jboss-cli is on the server's host. */
    private static ModelControllerClient client() throws IOException {
        return ModelControllerClient.Factory.create("remote+http", "127.0.0.1", managementPort());
    }

    private static ModelNode address(String name) {
        return Operations.createAddress("system-property", name);
    }

    private static void execute(ModelControllerClient client, ModelNode operation) throws IOException {
        ModelNode outcome = client.execute(operation);
        if (!Operations.isSuccessfulOutcome(outcome)) {
            throw new IllegalStateException(operation + " failed: " + Operations.getFailureDescription(outcome));
        }
    }
}
