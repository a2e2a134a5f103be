package dev.processpool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An initializer that fails while a switch file exists, under {@code java.io.tmpdir} (which workers share with
 * their parent): a pool breaks on purpose, and can be restarted once the switch is off.
 */
public class BreakSwitch implements ProcessRunnable {
    public static Path file() {
        return Path.of(System.getProperty("java.io.tmpdir"), "pp-test-break-switch");
    }

    public static void on() throws IOException {
        Files.writeString(file(), "the test broke this pool on purpose");
    }

    public static void off() throws IOException {
        Files.deleteIfExists(file());
    }

    @Override
    public void run() throws Exception {
        if (Files.exists(file())) {
            throw new IllegalStateException(Files.readString(file()));
        }
    }
}
