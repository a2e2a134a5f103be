package dev.processpool.internal.cdi;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The name of the Jakarta EE application running here ({@code java:app/AppName}); "" outside an application server. */
final class ApplicationName {
    private ApplicationName() {
    }

    static String current() {
        try {
            Object name = new InitialContext().lookup("java:app/AppName");
            return name instanceof String text ? text : "";
        } catch (NamingException | RuntimeException e) {
            return "";   // no naming context here: Java SE, Weld SE
        }
    }
}
