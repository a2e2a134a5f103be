/**
 * Pool ownership as a thread context, and the futures a container-managed pool hands to its owner.
 *
 * <p>{@link dev.processpool.internal.concurrent.ExecutingOwners} records, per thread, which owners are executing
 * there; {@link dev.processpool.internal.concurrent.OwnershipContextProvider} lets Jakarta Concurrency managed
 * executors carry that record to the threads they run tasks on; {@link dev.processpool.internal.concurrent.OwnerFutures}
 * makes futures whose dependent stages run as the owner. Nothing here knows CDI: an owner is any object.
 */
package dev.processpool.internal.concurrent;
