package dev.processpool.sample.web;

/** What {@link Shout} made of its input, in which process, with which class loader. */
public record Shouted(String text, long pid, String classLoader) {
}
