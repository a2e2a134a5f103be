package dev.processpool.internal.batch;

import dev.processpool.Pool;
import dev.processpool.ProcessFunction;
import jakarta.annotation.PostConstruct;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The chunk writer {@code processPoolItemWriter}: runs the function its {@code function} property names over
 * each chunk's items with {@link Pool#map}, in the worker processes of a pool of its own (the chunk fans out over
 * the workers), then hands the results, in item order, to the writer bean its {@code delegate} property names.
 *
 * <p>The pool is looked up in {@link #open} from the properties ({@link PoolProperties}) and destroyed in
 * {@link #close}: no worker outlives the step. A chunk whose function fails anywhere (a worker dies, a task throws)
 * fails before the delegate sees any of it, so a restart from the last checkpoint writes each item once. Bad
 * properties fail the step in {@code open}, naming the property, its value and what is allowed.
 *
 * <p>The delegate is created with this writer, while the batch runtime creates artifacts, so it may inject the
 * job and step contexts and this writer's batch properties. Its {@code open}, {@code close} and
 * {@code checkpointInfo} are called through this writer.
 */
@Named(ProcessPoolItemWriter.NAME)
@Dependent
public class ProcessPoolItemWriter implements ItemWriter {
    static final String NAME = "processPoolItemWriter";

    /*
     * The batch properties, through Instance: an injected @BatchProperty String would fail every deployment that has
     * the Batch API but no batch runtime, whose producer serves it.
     */
    @Inject @BatchProperty Instance<String> function;
    @Inject @BatchProperty Instance<String> delegate;
    @Inject @BatchProperty Instance<String> poolName;
    @Inject @BatchProperty Instance<String> startMethod;
    @Inject @BatchProperty Instance<String> processes;
    @Inject @BatchProperty Instance<String> maxTasksPerChild;
    @Inject @BatchProperty Instance<String> jvmOptions;
    @Inject @BatchProperty Instance<String> taskTimeout;
    @Inject @BatchProperty Instance<String> maxMemoryPerChild;
    @Inject @BatchProperty Instance<String> chunksize;
    @Inject @Any Instance<Pool> pools;
    @Inject @Any Instance<Object> beans;

    private String functionName;
    private PoolProperties settings;
    private ItemWriter writer;
    private RuntimeException problem;
    private ProcessFunction<Object, Object> mapped;
    private Pool pool;

    /**
     * Reads the properties and creates the delegate while the batch runtime creates this writer: only then are this
     * writer's properties and contexts the current ones. Problems are kept for open(), where a step fails.
     */
    @PostConstruct
    void readProperties() {
        functionName = function.get();
        try {
            settings = PoolProperties.of(poolName.get(), startMethod.get(), processes.get(), maxTasksPerChild.get(),
                    jvmOptions.get(), taskTimeout.get(), maxMemoryPerChild.get(), chunksize.get());
            writer = Delegates.writer(beans, delegate.get());
        } catch (IllegalArgumentException e) {
            problem = e;
        }
    }

    @Override
    public void open(Serializable checkpoint) throws Exception {
        if (problem != null) {
            throw problem;
        }
        mapped = ChunkFunctions.of(functionName, applicationLoader());
        try {
            pool = pools.select(settings.qualifier()).get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": bad pool properties (each @ProcessPool member named is the"
                    + " batch property of the same name): " + e.getMessage(), e);
        }
        try {
            writer.open(checkpoint);
        } catch (Exception | Error e) {
            releasePool();   // the runtime need not call close() after a failed open()
            throw e;
        }
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        int size = settings.chunksize();
        List<Object> results = size > 0 ? pool.map(mapped, items, size) : pool.map(mapped, items);
        writer.writeItems(results);
    }

    @Override
    public Serializable checkpointInfo() throws Exception {
        return writer.checkpointInfo();
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null && pool != null) {
                writer.close();
            }
        } finally {
            releasePool();
            if (writer != null) {
                beans.destroy(writer);
                writer = null;
            }
        }
    }

    private void releasePool() {
        if (pool != null) {
            pools.destroy(pool);
            pool = null;
        }
    }

    private static ClassLoader applicationLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ProcessPoolItemWriter.class.getClassLoader();
    }
}
