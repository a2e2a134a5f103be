/**
 * What a worker JVM and whoever starts it (a pool's launcher, a forkserver) agree on: its main class, the system
 * properties it reads, and the lines on its standard input. Neither side's package imports the other's.
 */
package dev.processpool.internal.workerjvm;
