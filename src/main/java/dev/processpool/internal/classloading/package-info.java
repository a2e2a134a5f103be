/**
 * How a worker loads the application's classes whatever loaded them in the parent: the parent names each
 * class loader by an id, and the worker asks the parent for class bytes of loaders that are not the plain
 * class path.
 */
package dev.processpool.internal.classloading;
