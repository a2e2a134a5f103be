package dev.processpool.internal.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The {@code spawn} start method: a fresh JVM per worker, child of this one. */
public final class SpawnStarter implements WorkerStarter {
    private static final long EXIT_WAIT_MILLIS = 1000;

    @Override
    public StartedWorker start(WorkerRequest request) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(WorkerCommand.commandLine(request.options()))
                .redirectErrorStream(true);
        WorkerCommand.environment(request.options(), builder.environment());
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((request.socketPath() + "\t" + request.token() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (!exitsSoon(process)) {
                process.destroyForcibly();
                throw e;
            }
            // A JVM that fails at once (a bad option, say) may exit before it takes its line: its exit, with what
            // it said, is the failure to report, as for any worker that exits before it connects.
        }
        return new SpawnedWorker(process);
    }

    private static boolean exitsSoon(Process process) {
        try {
            return process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
