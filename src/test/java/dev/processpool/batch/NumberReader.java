package dev.processpool.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Reads the items 0 … count-1; its checkpoint is the next item, so a restart resumes after the last chunk written. */
@Named
@Dependent
public class NumberReader extends AbstractItemReader {
    @Inject
    @BatchProperty
    String count;

    private int next;

    @Override
    public void open(Serializable checkpoint) {
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < Integer.parseInt(count) ? next++ : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
