package dev.processpool.internal.batch;

/** The error for a batch property of {@code processPoolItemWriter} with a value it cannot use. */
final class BadProperty {
    private BadProperty() {
    }

    /**
     * @param problem what is wrong with the value and what is allowed instead
     */
    static IllegalArgumentException of(String property, String value, String problem) {
        return new IllegalArgumentException(ProcessPoolItemWriter.NAME + ": batch property " + property + "="
                + (value == null ? "(not set)" : "\"" + value + "\"") + ": " + problem);
    }
}
