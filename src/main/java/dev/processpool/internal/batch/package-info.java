/**
 * Jakarta Batch: the library's own batch artifacts, referenced from job XML by bean name and never imported.
 * {@link dev.processpool.internal.batch.ProcessPoolItemWriter} ({@code processPoolItemWriter}) runs each chunk's
 * items through a pool of its own in parallel and hands the results, in order, to a delegate writer.
 * {@link dev.processpool.internal.batch.BatchArtifacts} adds them as beans only where the Batch API is on the
 * class path: everywhere else the library works without it.
 */
package dev.processpool.internal.batch;
