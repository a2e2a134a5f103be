package dev.processpool.sample.service;

/** A count and the pid of the worker process that counted it. */
public record Counted(long count, long pid) {
}
