package dev.processpool.batch;

import dev.processpool.ProcessFunction;

/** {@link BatchTasks#tag} as a function class, the other form a {@code function} property may name. */
public class TagFunction implements ProcessFunction<Integer, Tagged> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tagged apply(Integer item) throws InterruptedException {
        return BatchTasks.tag(item);
    }
}
