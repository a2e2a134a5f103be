package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application deployed, used and undeployed ten times leaves the server as it found it: no processpool thread,
 * no worker or forkserver process, and none of its classes loaded (its class loaders can be collected).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployCyclesIT {
    private static final String SECOND = "cycled-application";
    private static final int CYCLES = 10;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = SECOND, managed = false, testable = false)
    static WebArchive second() {
        return SecondWar.archive();
    }

    @Test
    void tenDeployUseUndeployCyclesLeaveThreadsProcessesAndLoadedClassesAtTheirBaseline() throws Exception {
        try (ServerJmx jmx = ServerJmx.connect()) {
            long serverPid = jmx.serverPid();
            Set<Long> threadsBefore = jmx.processpoolThreads().keySet();
            jmx.gc();
            int classesBefore = jmx.loadedProcesspoolClasses().size();

            SampleApi second = SecondWar.api();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                deployer.deploy(SECOND);
                try {
                    assertEquals("CYCLE", second.getArray("upper?text=cycle").getJsonObject(0).getString("upper"));
                    assertEquals("FORK", second.getArray("per-request?text=fork").getJsonObject(0).getString("upper"));
                } finally {
                    deployer.undeploy(SECOND);
                }
            }

            Await.until(Duration.ofSeconds(30), () -> ServerProcesses.poolProcessesOf(serverPid).isEmpty(),
                    () -> "processes of processpool's still alive for the server " + serverPid + ": "
                            + ServerProcesses.poolProcessesOf(serverPid));
            // An idle thread of a cached thread pool may take its keep-alive time (60 s) to end, and classes are
            // unloaded only by a collection that finds their loader unreachable: both are awaited, together.
            Await.until(Duration.ofSeconds(90), Duration.ofSeconds(2), () -> {
                jmx.gc();
                return threadsBefore.containsAll(jmx.processpoolThreads().keySet())
                        && jmx.loadedProcesspoolClasses().size() <= classesBefore;
            }, () -> "processpool threads that were not there before the cycles: "
                    + newThreads(jmx.processpoolThreads(), threadsBefore) + "; classes of dev.processpool loaded"
                    + " before the cycles: " + classesBefore + ", after: "
                    + countsByName(jmx.loadedProcesspoolClasses()));
            System.out.printf("RedeployCyclesIT: %d cycles; dev.processpool classes loaded before %d, after %d;"
                    + " processpool threads before %s, after %s%n", CYCLES, classesBefore,
                    jmx.loadedProcesspoolClasses().size(), threadsBefore, jmx.processpoolThreads().keySet());
        }
    }

    private static Map<Long, String> newThreads(Map<Long, String> threads, Set<Long> before) {
        return threads.entrySet().stream().filter(thread -> !before.contains(thread.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** The loaded classes, for the message: how many, and the classes loaded more than once (loaders left). */
    private static String countsByName(List<String> classes) {
        Map<String, Long> counts = classes.stream()
                .collect(Collectors.groupingBy(RedeployCyclesIT::nameOnly, TreeMap::new, Collectors.counting()));
        return classes.size() + " (" + counts.size() + " classes; more than one copy of "
                + counts.entrySet().stream().filter(count -> count.getValue() > 1).limit(12)
                        .map(count -> count.getKey() + " x" + count.getValue()).toList() + ")";
    }

    /** {@code dev.processpool.Pool/0x00007f9f9c237680} (the class and its loader) -> {@code dev.processpool.Pool} */
    private static String nameOnly(String classAndLoader) {
        int slash = classAndLoader.indexOf('/');
        return slash < 0 ? classAndLoader : classAndLoader.substring(0, slash);
    }
}
