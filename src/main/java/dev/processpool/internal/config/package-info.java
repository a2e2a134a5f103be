/**
 * Configuration of named pools by administrators ({@code processpool.<name>.<member>}): where it comes from (Java
 * system properties, MicroProfile Config when present, a JSON file named by {@code processpool.config}), read in
 * that order of precedence into a {@link dev.processpool.internal.config.PoolConfiguration}. Values stay text here,
 * with where each came from; the CDI layer checks and applies them.
 */
package dev.processpool.internal.config;
