/**
 * Supervision of running items: their time limits, cancellation, and the limits' notation
 * ({@link dev.processpool.internal.limits.LimitValues}).
 */
package dev.processpool.internal.limits;
