package dev.processpool.sample.web;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.RuntimeMBeanException;
import javax.management.RuntimeOperationsException;
import javax.management.openmbean.CompositeData;

/**
 * The pools of this server as JMX shows them ({@code dev.processpool:type=Pool,*} in the platform MBeanServer), read
 * and driven generically: no class of the library is compiled against, and an attribute or operation the library
 * does not have (an older version) is left out or refused in words.
 */
final class PoolAdmin {
    static final List<String> ATTRIBUTES = List.of("Name", "Application", "Owner", "State", "BrokenReason",
            "StartMethod", "Processes", "MaxTasksPerChild", "WorkersAlive", "Workers", "TasksSubmitted",
            "TasksCompleted", "TasksFailed", "WorkerRestarts", "QueueDepth", "TasksTimedOut", "TasksCancelled",
            "WorkersRecycledForMemory", "LongestRunningTaskMillis");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final ObjectName ALL_POOLS = objectName("dev.processpool:type=Pool,*");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    /** Every registered pool's attributes, ordered by application and name. */
    List<Map<String, Object>> pools() {
        List<Map<String, Object>> pools = new ArrayList<>();
        for (ObjectName name : server.queryNames(ALL_POOLS, null)) {
            figures(name).ifPresent(pools::add);
        }
        pools.sort(Comparator.comparing((Map<String, Object> pool) -> String.valueOf(pool.get("Application")))
                .thenComparing(pool -> String.valueOf(pool.get("Name"))));
        return pools;
    }

    /** Sets the size of a pool; the pool's own refusal (size below 1, pool stopped) is rethrown. */
    void resize(String name, String application, int processes) {
        invoke(existing(name, application), "resize", new Object[] {processes}, new String[] {int.class.getName()});
    }

    /** Replaces every worker of a pool by a fresh one, once each has finished the chunks it holds. */
    void recycle(String name, String application) {
        invoke(existing(name, application), "recycleWorkers", new Object[0], new String[0]);
    }

    /** Starts a BROKEN pool again with fresh workers; the pool's refusal (not broken) is rethrown. */
    void restart(String name, String application) {
        invoke(existing(name, application), "restart", new Object[0], new String[0]);
    }

    private void invoke(ObjectName pool, String operation, Object[] arguments, String[] signature) {
        try {
            server.invoke(pool, operation, arguments, signature);
        } catch (MBeanException | RuntimeMBeanException | RuntimeOperationsException e) {
            throw unwrapped(e);
        } catch (ReflectionException e) {
            throw new IllegalStateException("this version of processpool cannot " + operation + " a pool", e);
        } catch (JMException e) {
            throw new IllegalStateException("could not " + operation + " pool " + pool.getKeyProperty("name")
                    + ": " + e, e);
        }
    }

    private Optional<Map<String, Object>> figures(ObjectName name) {
        try {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("Application", applicationOf(name));
            for (Attribute attribute : server.getAttributes(name, ATTRIBUTES.toArray(String[]::new)).asList()) {
                figures.put(attribute.getName(), plain(attribute.getValue()));
            }
            return Optional.of(figures);
        } catch (JMException e) {
            return Optional.empty();   // unregistered between the query and the read: the pool has gone
        }
    }

    /** Open data as JSON-B writes it: composite data (a worker) as a map, arrays as lists. */
    private static Object plain(Object value) {
        if (value instanceof CompositeData composite) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : composite.getCompositeType().keySet()) {
                map.put(key, plain(composite.get(key)));
            }
            return map;
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.stream(array).map(PoolAdmin::plain).toList();
        }
        return value;
    }

    /** The pool called {@code name}, of {@code application} if given; refused if there is none, or several. */
    private ObjectName existing(String name, String application) {
        if (!NAME.matcher(name).matches() || application != null && !application.isEmpty()
                && !NAME.matcher(application).matches()) {
            throw new NoSuchElementException("no pool named " + name + " on this server");
        }
        List<ObjectName> matching = server.queryNames(ALL_POOLS, null).stream()
                .filter(pool -> name.equals(pool.getKeyProperty("name")))
                .filter(pool -> application == null || application.isEmpty()
                        || application.equals(applicationOf(pool)))
                .toList();
        if (matching.isEmpty()) {
            throw new NoSuchElementException("no pool named " + name
                    + (application == null || application.isEmpty() ? "" : " in application " + application)
                    + " on this server");
        }
        if (matching.size() > 1) {
            throw new IllegalStateException("several applications have a pool named " + name
                    + ": say which with ?application=<name>");
        }
        return matching.get(0);
    }

    /** The application key of a pool's ObjectName, unquoted (a deployment's name may need quotes); "" if none. */
    private static String applicationOf(ObjectName pool) {
        String application = pool.getKeyProperty("application");
        if (application == null) {
            return "";
        }
        return application.startsWith("\"") ? ObjectName.unquote(application) : application;
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
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
