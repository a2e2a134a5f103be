package dev.processpool.internal.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The {@code spawn} start method: a fresh JVM per worker, child of this one. */
public final class SpawnStarter implements WorkerStarter {

    @Override
    public StartedWorker start(WorkerRequest request) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(WorkerCommand.commandLine(request.options()))
                .redirectErrorStream(true);
        WorkerCommand.environment(request.options(), builder.environment());
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((request.socketPath() + "\t" + request.token() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
        return new SpawnedWorker(process);
    }
}
