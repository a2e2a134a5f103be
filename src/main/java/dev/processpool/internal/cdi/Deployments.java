package dev.processpool.internal.cdi;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** What the container says of the deployment a pool is made in. */
final class Deployments {
    private Deployments() {
    }

    /**
     * The application's name, from {@code java:app/AppName} (Jakarta EE: an EAR's or WAR's name), looked up on the
     * thread that makes the pool; empty where there is no such name (Java SE, a container without JNDI).
     */
    static String applicationName() {
        try {
            Object name = new InitialContext().lookup("java:app/AppName");
            return name instanceof String text ? text : "";
        } catch (NamingException | RuntimeException | LinkageError noApplication) {
            return "";
        }
    }
}
