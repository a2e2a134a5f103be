/**
 * The pool engine, free of CDI: its life cycle and dispatch ({@code PoolCore}), the connections to its
 * workers, the launching and replacing of workers, and how results come back to callers (futures, ordered
 * and unordered iterators).
 */
package dev.processpool.internal.pool;
