package dev.processpool.sample.second;

import dev.processpool.ProcessFunction;

/**
 * The function of the {@code mark-words} job: a word and the pid of the worker that saw it. It takes a little
 * time per word ({@value #MILLIS_PER_WORD} ms), as real work would, so a chunk is in the workers most of the time.
 */
public class MarkWord implements ProcessFunction<String, String> {
    static final long MILLIS_PER_WORD = 100;

    @Override
    public String apply(String word) throws InterruptedException {
        Thread.sleep(MILLIS_PER_WORD);
        return word + "@" + ProcessHandle.current().pid();
    }
}
