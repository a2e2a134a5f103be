package dev.processpool.internal.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory as the kernel counts it (Linux {@code /proc/<pid>/statm}); 0 where unknown. */
final class ResidentMemory {
    /** The kernel's page size; statm counts pages. 4 KiB on the platforms this runs on. */
    private static final long PAGE_BYTES = 4096;

    private ResidentMemory() {
    }

    static long of(long pid) {
        try {
            String statm = Files.readString(Path.of("/proc", Long.toString(pid), "statm"));
            String[] fields = statm.trim().split(" ");
            return Long.parseLong(fields[1]) * PAGE_BYTES;
        } catch (IOException | RuntimeException unknown) {
            return 0;
        }
    }
}
