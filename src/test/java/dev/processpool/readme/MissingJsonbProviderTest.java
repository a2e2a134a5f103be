package dev.processpool.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A plain Java SE application that forgot the JSON-B provider: its first pool throws an IllegalStateException that
 * names what to add, instead of a NoClassDefFoundError from deep inside. Run in a JVM whose class path is the
 * tests' without the JSON-B and JSON-P jars.
 */
class MissingJsonbProviderTest {
    private static final List<String> JSON_JARS = List.of("jakarta.json.bind-api", "jakarta.json-api", "yasson",
            "parsson");

    @Test
    void theFirstPoolSaysWhichArtifactsToAdd() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> JSON_JARS.stream().noneMatch(jar -> Path.of(entry).getFileName().toString()
                        .startsWith(jar + "-")))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(classPath.length() < System.getProperty("java.class.path").length(), "the JSON jars were left out");

        String output = run(classPath, "spawn", "forkserver");

        for (String startMethod : List.of("spawn", "forkserver")) {
            String line = output.lines().filter(l -> l.startsWith(startMethod + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no outcome for " + startMethod + " in:\n" + output));
            assertTrue(line.startsWith(startMethod + " threw java.lang.IllegalStateException: "), line);
            for (String said : List.of("JSON-B", "org.eclipse:yasson", "org.eclipse.parsson:parsson")) {
                assertTrue(line.contains(said), "the message names " + said + ": " + line);
            }
        }
    }

    @Test
    void withTheProviderTheSameProgramWorks() throws Exception {
        String output = run(System.getProperty("java.class.path"), "spawn");
        assertEquals("spawn made a pool: [1, 4]", output.strip());
    }

    private static String run(String classPath, String... startMethods) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp", classPath,
                WithoutJsonbMain.class.getName()));
        command.addAll(List.of(startMethods));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the JVM did not end");
        return output;
    }
}
