/**
 * Pools as JMX MXBeans ({@code dev.processpool:type=Pool,name=<name>}): the MXBean interface, its implementation
 * over a pool engine's {@link dev.processpool.internal.management.PoolControl}, and registration in the platform
 * MBeanServer.
 */
package dev.processpool.internal.management;
