package dev.processpool.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.LogCapture;
import dev.processpool.TestPools;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Administrators reconfigure a named pool without recompiling: system properties win over MicroProfile Config,
 * which wins over the JSON file named by {@code processpool.config}, which wins over the annotation. Bad values
 * fail deployment with a message naming the source and key.
 */
class ConfigurationTest {
    private static final String KEY = "processpool.thumbnails.";
    private static final ClassLoader OWNER_LOADER = ThumbnailsOwner.class.getClassLoader();

    private final Map<String, String> savedProperties = new HashMap<>();
    private final List<Path> tempFiles = new ArrayList<>();
    private final List<WeldContainer> containers = new ArrayList<>();
    private Config registeredConfig;
    private List<Long> workersSeen = new ArrayList<>();

    @BeforeEach
    void noConfigurationLeftOver() {
        assertTrue(System.getProperties().stringPropertyNames().stream().noneMatch(k -> k.startsWith(KEY)),
                "a thumbnails property was left set");
    }

    @AfterEach
    void restore() throws IOException {
        containers.forEach(WeldContainer::close);
        Containers.awaitGone(workersSeen);
        savedProperties.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        if (registeredConfig != null) {
            ConfigProviderResolver.instance().releaseConfig(registeredConfig);
        }
        for (Path file : tempFiles) {
            Files.deleteIfExists(file);
        }
    }

    private void setProperty(String key, String value) {
        savedProperties.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    private Path jsonFile(String json) throws IOException {
        Path file = Files.createTempFile("processpool-config", ".json");
        tempFiles.add(file);
        Files.writeString(file, json);
        return file;
    }

    /** MicroProfile Config for the owner's class loader: only {@code properties}. */
    private void microProfileConfig(Map<String, String> properties) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        if (registeredConfig != null) {
            resolver.releaseConfig(registeredConfig);
        }
        resolver.releaseConfig(resolver.getConfig(OWNER_LOADER));   // a default one another test may have made
        registeredConfig = new SmallRyeConfigBuilder().forClassLoader(OWNER_LOADER)
                .withSources(new PropertiesConfigSource(properties, "ConfigurationTest", 500)).build();
        resolver.registerConfig(registeredConfig, OWNER_LOADER);
    }

    private <T> T bean(Class<T> type) {
        WeldContainer container = Containers.start(ThumbnailsOwner.class, UnnamedOwner.class);
        containers.add(container);
        return container.select(type).get();
    }

    private ThumbnailsOwner thumbnails() {
        return bean(ThumbnailsOwner.class);
    }

    /** Live workers whose command line has {@code marker}; remembered, so that the test awaits their end. */
    private List<Long> workersWith(String marker) {
        List<Long> pids = ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .map(ProcessHandle::pid)
                .toList();
        pids.stream().filter(pid -> !workersSeen.contains(pid)).forEach(workersSeen::add);
        return pids;
    }

    private void awaitWorkers(String marker, int count) {
        TestPools.await(count + " workers with " + marker, Duration.ofSeconds(30),
                () -> workersWith(marker).size() == count, () -> "saw " + workersWith(marker));
    }

    @Test
    void systemPropertyOverridesTheAnnotationsProcessesAndIsReadAgainForTheNextPool() {
        setProperty(KEY + "processes", "3");
        ThumbnailsOwner first = thumbnails();
        assertEquals(3, first.processes());
        awaitWorkers(ThumbnailsOwner.MARKER, 3);

        setProperty(KEY + "processes", "2");
        WeldContainer container = containers.get(0);
        ThumbnailsOwner second = container.select(ThumbnailsOwner.class).get();
        assertEquals(2, second.processes());
        assertEquals(3, first.processes(), "a pool made already keeps its settings");
        awaitWorkers(ThumbnailsOwner.MARKER, 5);
    }

    @Test
    void jsonFileOverridesTheAnnotationAndItsJvmOptionsReachTheWorkers() throws IOException {
        Path file = jsonFile("{\"thumbnails\": {\"processes\": 2, \"maxTasksPerChild\": \"5\","
                + " \"jvmOptions\": [\"-Dprocesspool.cdi.fromFile=yes\", \"-Xmx96m\"]}}");
        setProperty("processpool.config", file.toString());
        ThumbnailsOwner owner = thumbnails();
        assertEquals(2, owner.processes());
        assertEquals("yes", owner.workerProperty("processpool.cdi.fromFile"));
        awaitWorkers("-Dprocesspool.cdi.fromFile=yes", 2);
        assertEquals(List.of(), workersWith(ThumbnailsOwner.MARKER), "the file's jvmOptions replace the annotation's");
    }

    @Test
    void configuredInitializerRunsInEveryWorker() {
        setProperty(KEY + "initializer", MarksWorker.class.getName());
        assertEquals("yes", thumbnails().workerProperty(MarksWorker.PROPERTY));
    }

    @Test
    void microProfileConfigAppliesAndLosesToASystemProperty() {
        microProfileConfig(Map.of(KEY + "processes", "2", KEY + "jvmOptions", ThumbnailsOwner.MARKER
                + "  -Dprocesspool.cdi.fromMicroProfile=yes"));
        ThumbnailsOwner owner = thumbnails();
        assertEquals(2, owner.processes());
        assertEquals("yes", owner.workerProperty("processpool.cdi.fromMicroProfile"));
        awaitWorkers(ThumbnailsOwner.MARKER, 2);

        setProperty(KEY + "processes", "3");
        assertEquals(3, thumbnails().processes());
    }

    @Test
    void precedenceIsAnnotationThenFileThenMicroProfileThenSystemProperty() throws IOException {
        assertEquals(1, thumbnails().processes(), "the annotation, where nothing is configured");
        Path file = jsonFile("{\"thumbnails\": {\"processes\": 2, \"jvmOptions\": [\"-Dprocesspool.cdi.layer=file\"]}}");
        setProperty("processpool.config", file.toString());
        assertEquals(2, thumbnails().processes(), "the file over the annotation");
        microProfileConfig(Map.of(KEY + "processes", "3"));
        ThumbnailsOwner owner = thumbnails();
        assertEquals(3, owner.processes(), "MicroProfile Config over the file");
        assertEquals("file", owner.workerProperty("processpool.cdi.layer"), "each member from its highest source");
        setProperty(KEY + "processes", "4");
        assertEquals(4, thumbnails().processes(), "a system property over MicroProfile Config");
    }

    @Test
    void theJsonFileCanBeNamedInMicroProfileConfig() throws IOException {
        Path file = jsonFile("{\"thumbnails\": {\"processes\": 2}}");
        microProfileConfig(Map.of("processpool.config", file.toString()));
        assertEquals(2, thumbnails().processes());
    }

    @Test
    void unnamedPoolsIgnoreConfiguration() {
        setProperty(KEY + "processes", "3");
        setProperty("processpool.config", "/nonexistent/processpool.json");
        WeldContainer container = Containers.start(UnnamedOwner.class);
        containers.add(container);
        assertEquals(1, container.select(UnnamedOwner.class).get().processes());
    }

    @Test
    void aSectionForAPoolNameNoInjectionPointUsesIsAWarningNotAnError() throws IOException {
        Path file = jsonFile("{\"thumbnials\": {\"processes\": 3}}");
        setProperty("processpool.config", file.toString());
        List<LogRecord> records;
        try (LogCapture log = LogCapture.of("dev.processpool.config")) {
            records = log.records();
            assertEquals(1, thumbnails().processes());
        }
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                        && String.valueOf(r.getParameters()[0]).equals("thumbnials")
                        && String.valueOf(r.getParameters()[1]).contains(file + " key thumbnials.processes")),
                "no warning of the unused section among " + records.size() + " records");
    }

    static Stream<Arguments> badValues() {
        String key = KEY;
        String needsArgument = InvalidInjectionPointTest.NeedsArgument.class.getName();
        return Stream.of(
                Arguments.of(key + "processes", "eight", "system property processpool.thumbnails.processes='eight' is"
                        + " not a number of workers; use at least 1, or 0 for one per available processor"),
                Arguments.of(key + "processes", "-2", "system property processpool.thumbnails.processes='-2' is not a"
                        + " number of workers"),
                Arguments.of(key + "maxTasksPerChild", "many", "system property processpool.thumbnails.maxTasksPerChild="
                        + "'many' is not a number of tasks; use at least 1, or 0 for no limit"),
                Arguments.of(key + "startMethod", "vfork", "system property processpool.thumbnails.startMethod='vfork':"
                        + " unknown start method 'vfork'; available: "),
                Arguments.of(key + "initializer", "no.such.Initializer", "system property"
                        + " processpool.thumbnails.initializer='no.such.Initializer': the application has no class"
                        + " no.such.Initializer"),
                Arguments.of(key + "initializer", "java.lang.String", "system property"
                        + " processpool.thumbnails.initializer='java.lang.String': java.lang.String.class does not implement"
                        + " dev.processpool.ProcessRunnable"),
                Arguments.of(key + "initializer", needsArgument, "system property processpool.thumbnails.initializer='"
                        + needsArgument + "': " + needsArgument + ".class has no public no-argument"
                        + " constructor"),
                Arguments.of(key + "jvmOptions", "-Xmx64m Xss1m", "'Xss1m' in system property"
                        + " processpool.thumbnails.jvmOptions='-Xmx64m Xss1m' is not a JVM option; each must start"
                        + " with '-'"),
                Arguments.of(key + "procesess", "3", "system property processpool.thumbnails.procesess: there is no"
                        + " pool setting 'procesess'; known: startMethod, processes, maxTasksPerChild, initializer,"
                        + " jvmOptions"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadConfiguredValueFailsDeploymentNamingSourceKeyAndWhatIsAllowed(String key, String value, String expected) {
        setProperty(key, value);
        assertDeploymentFails("Invalid configuration of @ProcessPool(name = \"thumbnails\") on ThumbnailsOwner.pool: "
                + expected);
    }

    @Test
    void aBadValueInTheFileNamesTheFileAndKey() throws IOException {
        Path file = jsonFile("{\"thumbnails\": {\"jvmOptions\": \"-Xmx64m\", \"processes\": true}}");
        setProperty("processpool.config", file.toString());
        assertDeploymentFails("JSON file " + file + " key thumbnails.jvmOptions='-Xmx64m' is not a list of JVM"
                + " options; in a JSON file give an array of strings",
                "JSON file " + file + " key thumbnails.processes='true' is not a number of workers");
    }

    @Test
    void aBadMicroProfileValueNamesItsKey() {
        microProfileConfig(Map.of(KEY + "maxTasksPerChild", "-1"));
        assertDeploymentFails("on ThumbnailsOwner.pool: MicroProfile Config key processpool.thumbnails.maxTasksPerChild='-1'"
                + " is not a number of tasks");
    }

    @Test
    void anUnknownMemberInTheFileListsTheKnownOnes() throws IOException {
        Path file = jsonFile("{\"thumbnails\": {\"workers\": 3}}");
        setProperty("processpool.config", file.toString());
        assertDeploymentFails("JSON file " + file + " key thumbnails.workers: there is no pool setting 'workers'; known:"
                + " startMethod, processes, maxTasksPerChild, initializer, jvmOptions");
    }

    @Test
    void aMissingFileFailsDeploymentNamingThePathAndWhereItWasSet() {
        Path missing = Path.of(System.getProperty("java.io.tmpdir"), "processpool-no-such-config.json");
        setProperty("processpool.config", missing.toString());
        assertDeploymentFails("Invalid pool configuration: the pool configuration file " + missing
                + " (set by system property processpool.config) does not exist");
    }

    @Test
    void aMalformedFileFailsDeploymentWithTheParsersMessageAndPosition() throws IOException {
        Path file = jsonFile("{\"thumbnails\": {\"processes\": 8,}}");
        setProperty("processpool.config", file.toString());
        assertDeploymentFails("Invalid pool configuration: the pool configuration file " + file
                + " (set by system property processpool.config) is not valid JSON: ", "(line 1, column ");
    }

    private void assertDeploymentFails(String... expected) {
        List<Long> workersBefore = TestPools.workerProcesses();
        RuntimeException failed = assertThrows(RuntimeException.class,
                () -> Containers.start(ThumbnailsOwner.class).close());
        String messages = String.join("\n", InvalidInjectionPointTest.messagesOf(failed));
        for (String fragment : expected) {
            assertTrue(messages.contains(fragment), "expected «" + fragment + "» in:\n" + messages);
        }
        assertEquals(workersBefore, TestPools.workerProcesses(), "no worker starts");
    }
}
