package dev.processpool.sample.batch;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import dev.processpool.sample.service.Hashed;
import dev.processpool.sample.service.Tasks;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Hashes each chunk's words in parallel in the worker processes of its own pool (the chunk fans out over the
 * workers), and keeps the hashes as the job's results.
 */
@Named
@Dependent
public class HashingWriter extends AbstractItemWriter {
    @Inject
    @ProcessPool(startMethod = "spawn", processes = 2)
    Pool pool;

    @Inject
    JobContext job;

    @Inject
    JobResults results;

    @Override
    public void writeItems(List<Object> items) {
        List<String> words = items.stream().map(String.class::cast).toList();
        List<Hashed> hashed = pool.map(Tasks::sha256, words, 1);
        results.add(job.getExecutionId(), hashed);
    }
}
