/**
 * The {@code forkserver} start method. A JVM cannot be forked, so the server is a small process per context
 * that keeps fresh worker JVMs started and warmed up in reserve and hands one out per request, in
 * milliseconds. Connections to it are authenticated by challenge and response with a random key.
 */
package dev.processpool.internal.forkserver;
