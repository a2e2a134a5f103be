package dev.processpool.sample.service;

/** The numbers {@code from} (inclusive) to {@code to} (exclusive); travels to workers as JSON. */
public record Range(long from, long to) {
}
