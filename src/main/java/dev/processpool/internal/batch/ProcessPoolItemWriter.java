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

    @Inject @BatchProperty String function;
    @Inject @BatchProperty String delegate;
    @Inject @BatchProperty String poolName;
    @Inject @BatchProperty String startMethod;
    @Inject @BatchProperty String processes;
    @Inject @BatchProperty String maxTasksPerChild;
    @Inject @BatchProperty String jvmOptions;
    @Inject @BatchProperty String chunksize;

    @Inject @Any Instance<Pool> pools;
    @Inject @Any Instance<Object> beans;

    private ItemWriter writer;
    private RuntimeException delegateProblem;
    private ProcessFunction<Object, Object> mapped;
    private int mapChunksize;
    private Pool pool;

    @PostConstruct
    void createDelegate() {
        try {
            writer = Delegates.writer(beans, delegate);
        } catch (IllegalArgumentException e) {
            delegateProblem = e;   // thrown in open(), where the runtime expects a step's failure
        }
    }

    @Override
    public void open(Serializable checkpoint) throws Exception {
        if (delegateProblem != null) {
            throw delegateProblem;
        }
        mapped = ChunkFunctions.of(function, applicationLoader());
        PoolProperties settings = PoolProperties.of(poolName, startMethod, processes, maxTasksPerChild, jvmOptions,
                chunksize);
        mapChunksize = settings.chunksize();
        try {
            pool = pools.select(settings.qualifier()).get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": bad pool properties (each @ProcessPool member named is the"
                    + " batch property of the same name): " + e.getMessage(), e);
        }
        writer.open(checkpoint);
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        List<Object> results = mapChunksize > 0 ? pool.map(mapped, items, mapChunksize) : pool.map(mapped, items);
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
            if (pool != null) {
                pools.destroy(pool);
                pool = null;
            }
            if (writer != null) {
                beans.destroy(writer);
                writer = null;
            }
        }
    }

    private static ClassLoader applicationLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ProcessPoolItemWriter.class.getClassLoader();
    }
}
