/**
 * A pool's figures as Micrometer meters, where Micrometer is on the class path (it is an optional dependency:
 * nothing here is loaded without it).
 */
package dev.processpool.internal.metrics;
