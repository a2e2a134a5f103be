package dev.processpool.internal.launch;

/** A class with no dependencies, to put into jars that the tests mount, copy and load from. */
public final class CodeLocationProbe {
}
