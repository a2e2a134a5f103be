package dev.processpool.sample.service;

/** A string, its SHA-256 in hex, and the pid of the worker process that hashed it. */
public record Hashed(String input, String sha256, long pid) {
}
