package dev.processpool.sample.second;

/** A text, its upper case, and the pid of the worker that made it. */
public record Lettered(String text, String upper, long pid) {
}
