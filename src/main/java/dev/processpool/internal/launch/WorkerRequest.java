package dev.processpool.internal.launch;

import dev.processpool.PoolOptions;
import java.nio.file.Path;

/**
 * What a new worker needs to know: where its pool listens, the token it introduces itself with, and the
 * pool's options (JVM options, environment).
 */
public record WorkerRequest(Path socketPath, String token, PoolOptions options) {
}
