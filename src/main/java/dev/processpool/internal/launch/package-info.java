/**
 * How worker processes are started: the worker's command line and class path, and one starter per start
 * method ({@code spawn} starts a fresh JVM).
 */
package dev.processpool.internal.launch;
