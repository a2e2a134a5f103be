package dev.processpool.sample.service;

/** A process that processpool started for this server: a worker or a forkserver. */
public record PoolProcess(long pid, String role) {
}
