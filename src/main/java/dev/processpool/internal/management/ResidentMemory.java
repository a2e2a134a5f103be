package dev.processpool.internal.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory as the system reports it: VmRSS of /proc/&lt;pid&gt;/status on Linux. */
public final class ResidentMemory {
    private ResidentMemory() {
    }

    /** In bytes; -1 where there is no /proc (macOS), or the process has gone. */
    public static long ofProcess(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:     41236 kB"
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
