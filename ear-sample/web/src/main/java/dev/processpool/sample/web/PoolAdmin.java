package dev.processpool.sample.web;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.RuntimeOperationsException;

/**
 * The pools of this server as JMX shows them ({@code dev.processpool:type=Pool,name=*} in the platform MBeanServer),
 * read and driven generically: no class of the library is compiled against.
 */
final class PoolAdmin {
    static final List<String> ATTRIBUTES = List.of("Name", "StartMethod", "Processes", "MaxTasksPerChild",
            "WorkersAlive", "TasksSubmitted", "TasksCompleted", "TasksFailed", "WorkerRestarts", "QueueDepth",
            "State");
    private static final String DOMAIN = "dev.processpool";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    /** Every registered pool's attributes, ordered by name. */
    List<Map<String, Object>> pools() {
        Set<ObjectName> names = new TreeSet<>(server.queryNames(pattern("*"), null));
        return names.stream().flatMap(name -> figures(name).stream()).toList();
    }

    /** Sets the size of the pool {@code name}; the pool's own refusal (size below 1, pool stopped) is rethrown. */
    void resize(String name, int processes) {
        ObjectName objectName = existing(name);
        try {
            server.invoke(objectName, "resize", new Object[] {processes}, new String[] {int.class.getName()});
        } catch (MBeanException | RuntimeMBeanException | RuntimeOperationsException e) {
            throw unwrapped(e);
        } catch (JMException e) {
            throw new IllegalStateException("could not resize pool " + name + ": " + e, e);
        }
    }

    private java.util.Optional<Map<String, Object>> figures(ObjectName name) {
        try {
            Map<String, Object> figures = new LinkedHashMap<>();
            for (Attribute attribute : server.getAttributes(name, ATTRIBUTES.toArray(String[]::new)).asList()) {
                figures.put(attribute.getName(), attribute.getValue());
            }
            return java.util.Optional.of(figures);
        } catch (JMException e) {
            return java.util.Optional.empty();   // unregistered between the query and the read: the pool has gone
        }
    }

    private ObjectName existing(String name) {
        ObjectName objectName = NAME.matcher(name).matches() ? pattern(name) : null;
        if (objectName == null || !server.isRegistered(objectName)) {
            throw new java.util.NoSuchElementException("no pool named " + name + " on this server");
        }
        return objectName;
    }

    private static ObjectName pattern(String name) {
        try {
            return new ObjectName(DOMAIN + ":type=Pool,name=" + name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a pool name: " + name, e);
        }
    }

    private static RuntimeException unwrapped(Exception e) {
        Throwable cause = e;
        while ((cause instanceof MBeanException || cause instanceof RuntimeMBeanException
                || cause instanceof RuntimeOperationsException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
    }
}
