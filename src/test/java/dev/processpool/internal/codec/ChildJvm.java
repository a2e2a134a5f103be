package dev.processpool.internal.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the tests in a JVM of its own: for what a JVM does once, such as starting JSON-B. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Its standard output and error. */
    static String run(Class<?> main) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                main.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM did not end");
        return output;
    }
}
