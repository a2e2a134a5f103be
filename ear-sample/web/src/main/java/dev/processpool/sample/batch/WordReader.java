package dev.processpool.sample.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Reads {@code word-0} … {@code word-<count-1>}; its checkpoint is the index of the next word. */
@Named
@Dependent
public class WordReader extends AbstractItemReader {
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
        return next < Integer.parseInt(count) ? "word-" + next++ : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
