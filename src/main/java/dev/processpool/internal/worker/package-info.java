/** The worker process: its main, the link to its parent, and how it runs tasks. Runs in the worker JVM only. */
package dev.processpool.internal.worker;
