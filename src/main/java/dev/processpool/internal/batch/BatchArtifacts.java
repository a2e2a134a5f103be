package dev.processpool.internal.batch;

import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

/**
 * Adds the batch artifacts as beans where the Jakarta Batch API can be loaded. Nothing of that API is touched
 * before the check, so this class loads without it.
 */
public final class BatchArtifacts {
    /** Whether the Jakarta Batch API can be loaded here. */
    public static final boolean API_PRESENT = apiPresent();

    private BatchArtifacts() {
    }

    private static boolean apiPresent() {
        try {
            Class.forName("jakarta.batch.api.chunk.ItemWriter", false, BatchArtifacts.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Adds the artifacts to the beans being discovered, if the Batch API is present. */
    public static void addTo(BeforeBeanDiscovery discovery) {
        if (API_PRESENT) {
            discovery.addAnnotatedType(ProcessPoolItemWriter.class, ProcessPoolItemWriter.class.getName());
        }
    }
}
