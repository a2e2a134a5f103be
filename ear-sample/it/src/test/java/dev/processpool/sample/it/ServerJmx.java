package dev.processpool.sample.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The server under test as an administrator sees it over remote JMX ({@code service:jmx:remote+http} on the
 * management port, authenticated as the local user): the pools' MXBeans and the JVM's own.
 */
final class ServerJmx implements AutoCloseable {
    static final String POOLS = "dev.processpool:type=Pool,*";
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private ServerJmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    /** Connects to the server under test's management port ({@code wildfly.management.port}). */
    static ServerJmx connect() throws IOException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:remote+http://127.0.0.1:"
                + ServerSystemProperties.managementPort());
        return new ServerJmx(JMXConnectorFactory.connect(url));
    }

    /** The pool of that name (whatever its application), if it is registered. */
    Optional<ObjectName> pool(String name) throws IOException {
        return server.queryNames(quietly(POOLS), null).stream()
                .filter(pool -> name.equals(unquoted(pool.getKeyProperty("name"))))
                .findFirst();
    }

    /** Waits for the pool of that name to be registered. */
    ObjectName awaitPool(String name, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<ObjectName> pool = pool(name);
        while (pool.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);   // the interval of asking the server, not a synchronisation
            pool = pool(name);
        }
        return pool.orElseThrow(() -> new AssertionError("no pool named " + name + " registered after " + timeout));
    }

    Object attribute(ObjectName pool, String attribute) throws IOException, JMException {
        return server.getAttribute(pool, attribute);
    }

    /**
     * Calls a pool's operation; what it throws comes back wrapped, as the {@link javax.management.RuntimeMBeanException}
     * of the remote call for a runtime exception.
     */
    Object invoke(ObjectName pool, String operation, Object... intArguments) throws IOException, JMException {
        String[] signature = new String[intArguments.length];
        Arrays.fill(signature, int.class.getName());
        return server.invoke(pool, operation, intArguments, signature);
    }

    /** The message of what a remote operation threw, as the server's exception said it (its innermost cause). */
    static String refusal(Throwable remote) {
        Throwable cause = remote;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    long serverPid() throws IOException {
        return platform(ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class).getPid();
    }

    /** The server's live threads that say they are processpool's ({@code processpool-…}): names by thread id. */
    Map<Long, String> processpoolThreads() throws IOException {
        ThreadMXBean threads = platform(ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        Map<Long, String> named = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("processpool")) {
                named.put(info.getThreadId(), info.getThreadName());
            }
        }
        return named;
    }

    /** A full collection in the server, which is what lets it unload the classes of unreachable class loaders. */
    void gc() throws IOException {
        platform(ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class).gc();
    }

    /**
     * The classes of {@code dev.processpool} (the library's and the sample's) loaded in the server now, once per
     * class loader that defined them, as {@code jcmd <pid> VM.class_hierarchy} lists them: {@code <class>/<loader>}.
     */
    List<String> loadedProcesspoolClasses() throws IOException, JMException {
        String hierarchy = (String) server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), "vmClassHierarchy",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return hierarchy.lines()
                .map(String::strip)
                .map(line -> line.replaceFirst("^[|\\-\\s]+", ""))
                .filter(line -> line.startsWith("dev.processpool."))
                .toList();
    }

    private <T> T platform(String name, Class<T> type) throws IOException {
        return ManagementFactory.newPlatformMXBeanProxy(server, name, type);
    }

    private static String unquoted(String value) {
        return value != null && value.startsWith("\"") ? ObjectName.unquote(value) : value;
    }

    private static ObjectName quietly(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
