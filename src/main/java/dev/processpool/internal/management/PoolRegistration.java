package dev.processpool.internal.management;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * A pool's MXBean in the platform MBeanServer, as {@code dev.processpool:type=Pool,application=<app>,name=<name>}, or
 * {@code dev.processpool:type=Pool,name=<name>} where the application is not known (Java SE). A name already registered
 * (a second pool of that name and application) gets {@code -2}, {@code -3}, ...: the server's registry decides, so
 * pools of different class loaders do not clash.
 */
public final class PoolRegistration implements AutoCloseable {
    public static final String DOMAIN = "dev.processpool";

    private final MBeanServer server;
    private final ObjectName objectName;
    private final String name;
    private final AtomicBoolean registered = new AtomicBoolean(true);

    private PoolRegistration(MBeanServer server, ObjectName objectName, String name) {
        this.server = server;
        this.objectName = objectName;
        this.name = name;
    }

    /** The ObjectName of the pool called {@code name} of no known application. */
    public static ObjectName objectName(String name) {
        return objectName("", name);
    }

    /** The ObjectName of the pool called {@code name} of {@code application} (empty: none known). */
    public static ObjectName objectName(String application, String name) {
        String applicationKey = application.isEmpty() ? "" : ",application=" + value(application);
        try {
            return new ObjectName(DOMAIN + ":type=Pool" + applicationKey + ",name=" + name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("'" + name + "' cannot be part of a JMX ObjectName: " + e.getMessage(), e);
        }
    }

    /** The value as it is where it may be, else quoted (a deployment's name may hold any character). */
    private static String value(String text) {
        return text.matches("[A-Za-z0-9._ ()-]+") ? text : ObjectName.quote(text);
    }

    /** Registers the pool under {@code baseName}, or the first of {@code baseName-2}, ... not taken. */
    public static PoolRegistration register(String baseName, PoolControl pool) {
        return register(baseName, PoolIdentity.NONE, pool);
    }

    /** As {@link #register(String, PoolControl)}, with the pool's application in its ObjectName. */
    public static PoolRegistration register(String baseName, PoolIdentity identity, PoolControl pool) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (int suffix = 1; ; suffix++) {
            String name = suffix == 1 ? baseName : baseName + "-" + suffix;
            ObjectName objectName = objectName(identity.application(), name);
            try {
                server.registerMBean(new DescribedPoolMBean(new PoolManagement(name, identity, pool)), objectName);
                return new PoolRegistration(server, objectName, name);
            } catch (InstanceAlreadyExistsException taken) {
                // next suffix
            } catch (JMException e) {
                throw new IllegalStateException("cannot register " + objectName + " in the platform MBeanServer: "
                        + e.getMessage(), e);
            }
        }
    }

    public ObjectName objectName() {
        return objectName;
    }

    /** The name it was registered under, suffix included. */
    public String name() {
        return name;
    }

    /** Unregisters the MXBean; later calls do nothing. */
    @Override
    public void close() {
        if (!registered.compareAndSet(true, false)) {
            return;
        }
        try {
            server.unregisterMBean(objectName);
        } catch (InstanceNotFoundException alreadyGone) {
            // unregistered by someone else: nothing left to do
        } catch (JMException e) {
            System.getLogger("dev.processpool").log(Level.WARNING, "cannot unregister " + objectName + ": " + e);
        }
    }
}
