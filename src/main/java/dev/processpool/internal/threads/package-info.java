/** The library's own threads: all daemons, all named "processpool-…" or "forkserver-…", so none keeps a JVM alive. */
package dev.processpool.internal.threads;
