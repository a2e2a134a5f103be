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

    /**
     * Every live process of processpool's that belongs to the server {@code serverPid}: those whose command line
     * carries {@code -Dprocesspool.parent=<serverPid>}, and the server's descendants whose command line names a
     * class of {@code dev.processpool} (a worker, a forkserver), whatever they carry.
     */
    static List<Long> poolProcessesOf(long serverPid) {
        java.util.Set<Long> found = new java.util.TreeSet<>(startedFor(serverPid));
        ProcessHandle.of(serverPid).ifPresent(server -> server.descendants()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(argument -> argument.contains("dev.processpool")))
                .forEach(p -> found.add(p.pid())));
        return found.stream().filter(ServerProcesses::isAlive).toList();
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
