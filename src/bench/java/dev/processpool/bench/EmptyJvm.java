package dev.processpool.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The floor of what a JVM-based worker can cost: the start of a JVM that runs an empty {@code main}, with the
 * workers' collector and the JDK's own class-data archive, from {@code start()} to its exit.
 */
final class EmptyJvm {
    private EmptyJvm() {
    }

    /** The empty program itself. */
    public static void main(String[] args) {
    }

    static double startMillis() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(EmptyJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-cp", classes,
                EmptyJvm.class.getName());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(new File("/dev/null")).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("an empty JVM did not exit within 60 s");
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("an empty JVM exited with " + process.exitValue());
        }
        return millis;
    }
}
