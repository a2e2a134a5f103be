package dev.processpool.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The delegate of {@code processPoolItemWriter} in the test jobs: records each chunk of results it is given. */
@Named
@Dependent
public class RecordingWriter extends AbstractItemWriter {
    @Inject
    JobContext job;

    @Inject
    Written written;

    @Override
    public void writeItems(List<Object> items) {
        written.add(job.getInstanceId(), items.stream().map(Tagged.class::cast).toList());
    }
}
