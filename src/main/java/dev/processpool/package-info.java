/**
 * processpool: Python-style process pools for Jakarta EE. This package is the whole public API:
 * {@link dev.processpool.ProcessContext} (start methods and contexts), {@link dev.processpool.Pool},
 * {@link dev.processpool.PoolOptions}, the task types and the exceptions. Everything else is internal.
 */
package dev.processpool;
