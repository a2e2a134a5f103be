package dev.processpool.internal.batch;

import dev.processpool.ProcessPool;
import dev.processpool.ProcessRunnable;
import dev.processpool.internal.limits.LimitValues;

/**
 * The pool a {@code processPoolItemWriter} asks for in its batch properties, as the {@link ProcessPool} qualifier
 * it looks its pool up with: {@code poolName}, {@code startMethod}, {@code processes}, {@code maxTasksPerChild},
 * {@code jvmOptions} (separated by white space), {@code taskTimeout} ({@code "30s"}) and
 * {@code maxMemoryPerChild} ({@code "512m"}), each as the member of the same name, and {@code chunksize}, the
 * items sent to a worker at a time. Unset properties take the members' defaults.
 */
record PoolProperties(ProcessPool qualifier, int chunksize) {

    /** @throws IllegalArgumentException naming a property that is not a number where one is needed */
    @SuppressWarnings("checkstyle:ParameterNumber")   // one parameter per batch property, as the writer has them
    static PoolProperties of(String poolName, String startMethod, String processes, String maxTasksPerChild,
            String jvmOptions, String taskTimeout, String maxMemoryPerChild, String chunksize) {
        String[] options = jvmOptions == null || jvmOptions.isBlank() ? new String[0] : jvmOptions.strip().split("\\s+");
        ProcessPool qualifier = ProcessPool.Literal.of(orEmpty(poolName), orEmpty(startMethod),
                count("processes", processes, "a number of workers, at least 1, or 0 (the default) for one per"
                        + " available processor"),
                count("maxTasksPerChild", maxTasksPerChild, "a number of tasks a worker runs before it is"
                        + " replaced, at least 1, or 0 (the default) for no limit"),
                ProcessRunnable.class, options)
                .withTaskTimeout(limit("taskTimeout", taskTimeout, LimitValues::duration, LimitValues.DURATION_FORMS))
                .withMaxMemoryPerChild(limit("maxMemoryPerChild", maxMemoryPerChild, LimitValues::bytes,
                        LimitValues.BYTES_FORMS));
        int size = count("chunksize", chunksize, "a number of items sent to a worker at a time, at least 1, or 0"
                + " (the default) for Pool.map's default");
        return new PoolProperties(qualifier, size);
    }

    /** The value as it is, once {@code parse} took it; "" when unset. */
    private static String limit(String property, String value, java.util.function.Function<String, ?> parse,
            String allowed) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            parse.apply(value);
            return value.strip();
        } catch (IllegalArgumentException e) {
            throw BadProperty.of(property, value, "use " + allowed + ", or leave it unset for no limit");
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static int count(String property, String value, String allowed) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, as a negative number is
        }
        throw BadProperty.of(property, value, "use " + allowed);
    }
}
