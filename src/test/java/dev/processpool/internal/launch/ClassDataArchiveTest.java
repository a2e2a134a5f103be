package dev.processpool.internal.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.processpool.internal.worker.WorkerMain;
import dev.processpool.internal.workerjvm.WorkerJvm;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The class-data archive of worker JVMs: made once in the background, then mapped by every worker. */
class ClassDataArchiveTest {
    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final long AWAIT_SECONDS = 120;

    @TempDir
    Path temp;
    private Path archives;

    @BeforeEach
    void archivesInTemp() {
        archives = temp.resolve("cds");
        System.setProperty(ClassDataArchive.DIRECTORY_PROPERTY, archives.toString());
    }

    @AfterEach
    void standardArchives() {
        System.clearProperty(ClassDataArchive.DIRECTORY_PROPERTY);
    }

    static Stream<Path> jdks() {
        return Stream.of(Path.of(System.getProperty("java.home"), "bin", "java"), TEMURIN_25);
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void anArchiveMadeInTheBackgroundIsThenMappedByWorkerJvms(Path java) throws Exception {
        assumeTrue(Files.isExecutable(java), java + " is not installed here");
        String classPath = jarClassPath();

        assertEquals(List.of(), ClassDataArchive.options(java, classPath, List.of(), false), "no archive yet");
        List<String> options = awaitOptions(java, classPath, false);

        assertEquals(1, options.size(), options.toString());
        assertTrue(options.get(0).startsWith("-XX:"), options.toString());
        String loaded = runWorkerJvm(java, options, classPath, List.of());
        assertTrue(loaded.contains(WorkerMain.class.getName() + " source: shared objects file"),
                "the worker's main class comes from the archive:\n" + loaded);
        try (Stream<Path> files = Files.list(archives)) {
            assertEquals(1, files.count(), "one archive, nothing half written (or listed) left beside it");
        }
    }

    /** Workers of parents that have not needed JSON-B do not map its classes: a worker holds what it maps. */
    @ParameterizedTest
    @MethodSource("jdks")
    void jsonbIsInTheArchiveOfParentsThatHaveNeededItOnly(Path java) throws Exception {
        assumeTrue(Files.isExecutable(java), java + " is not installed here");
        String classPath = jarClassPath();
        List<String> plain = awaitOptions(java, classPath, false);
        List<String> withJsonb = awaitOptions(java, classPath, true);
        assertFalse(plain.equals(withJsonb), "two archives: " + plain);

        // A warm-up with JSON-B, in a JVM that maps one archive or the other: where do JSON-B's classes come from?
        List<String> warmUpWithJsonb = List.of("-D" + WorkerJvm.ARCHIVING_PROPERTY + "=" + WorkerJvm.ARCHIVING_WITH_JSONB);
        String yasson = "org.eclipse.yasson.internal.JsonBinding source: ";
        String fromPlain = runWorkerJvm(java, plain, classPath, warmUpWithJsonb);
        String fromWithJsonb = runWorkerJvm(java, withJsonb, classPath, warmUpWithJsonb);

        assertTrue(fromPlain.contains(WorkerMain.class.getName() + " source: shared objects file"), fromPlain);
        assertTrue(fromPlain.contains(yasson) && !fromPlain.contains(yasson + "shared objects file"),
                "JSON-B is not in the plain archive:\n" + fromPlain);
        assertTrue(fromWithJsonb.contains(yasson + "shared objects file"), "JSON-B is in the other:\n" + fromWithJsonb);
    }

    @Test
    void aClassPathWithADirectoryGetsNoArchive() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = WorkerClassPath.get();   // the library's own classes directory, in this build

        assumeTrue(Stream.of(classPath.split(File.pathSeparator)).map(Path::of).anyMatch(Files::isDirectory));
        assertEquals(List.of(), ClassDataArchive.options(java, classPath, List.of(), false));
        assertFalse(Files.exists(archives), "no archive is attempted");
    }

    @Test
    void aPoolThatChoosesItsOwnSharingGetsNoArchiveOption() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        assertEquals(List.of(), ClassDataArchive.options(java, jarClassPath(), List.of("-Xmx64m", "-Xshare:off"), false));
        assertEquals(List.of(), ClassDataArchive.options(java, jarClassPath(), List.of("-XX:SharedArchiveFile=x.jsa"), false));
    }

    private List<String> awaitOptions(Path java, String classPath, boolean withJsonb) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            List<String> options = ClassDataArchive.options(java, classPath, List.of(), withJsonb);
            if (!options.isEmpty()) {
                return options;
            }
            Thread.sleep(100);   // polling a file another process writes: there is nothing to wait on
        }
        throw new AssertionError("no archive in " + archives + " after " + AWAIT_SECONDS + " s");
    }

    /** Starts a worker JVM that finds no pool on its standard input and exits; returns its class-loading log. */
    private static String runWorkerJvm(Path java, List<String> options, String classPath, List<String> properties)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.addAll(properties);
        command.addAll(List.of("-Xlog:class+load=info", "-cp", classPath, WorkerMain.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write('\n');
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** The worker class path with the library's classes directory packed into a jar, as users have it. */
    private String jarClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : WorkerClassPath.get().split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entries.add(Files.isDirectory(path) ? jarOf(path).toString() : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private Path jarOf(Path directory) throws IOException {
        Path jar = temp.resolve("processpool.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new ZipEntry(directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
