package dev.processpool.sample.second;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The delegate of the {@code mark-words} job's {@code processPoolItemWriter}: records each chunk's marked words,
 * in order, under the job instance, so that a restarted execution adds to what the failed one wrote.
 */
@Named
@Dependent
public class MarkedWordsStore extends AbstractItemWriter {
    @Inject
    JobContext job;

    @Inject
    MarkedWords marked;

    @Override
    public void writeItems(List<Object> items) {
        marked.add(job.getInstanceId(), items.stream().map(String.class::cast).toList());
    }
}
