package dev.processpool.sample.second;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Reads {@code word-0} … {@code word-<count-1>}. Its checkpoint is the index of the next word, so a restarted job
 * goes on after the last chunk that was written.
 */
@Named
@Dependent
public class NumberedWords extends AbstractItemReader {
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
