package dev.processpool.sample.it;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Processes on this machine as the tests see them: the server's, and those processpool started for it. */
final class ServerProcesses {
    private ServerProcesses() {
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Every process whose command line says processpool started it for the JVM {@code parentPid}. */
    static List<Long> startedFor(long parentPid) {
        String mark = "-Dprocesspool.parent=" + parentPid;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains(mark))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Waits until every one of {@code pids} has exited; returns those still alive after {@code timeout}. */
    static List<Long> awaitExit(List<Long> pids, Duration timeout) throws InterruptedException {
        CompletableFuture<?>[] exits = pids.stream()
                .map(pid -> ProcessHandle.of(pid).map(ProcessHandle::onExit)
                        .orElse(CompletableFuture.completedFuture(null)))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // those still alive are the answer
        }
        return pids.stream().filter(ServerProcesses::isAlive).toList();
    }

    static List<Long> pidsOfRole(JsonObject processes, String role) {
        return processes.getJsonArray("processes").getValuesAs(JsonObject.class).stream()
                .filter(p -> role.equals(p.getString("role")))
                .map(p -> p.getJsonNumber("pid").longValue())
                .toList();
    }

}
