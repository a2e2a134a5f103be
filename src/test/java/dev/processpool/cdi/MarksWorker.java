package dev.processpool.cdi;

import dev.processpool.ProcessRunnable;

/** An initializer: marks the worker it ran in. */
public class MarksWorker implements ProcessRunnable {
    public static final String PROPERTY = "processpool.cdi.initialized";

    @Override
    public void run() {
        System.setProperty(PROPERTY, "yes");
    }
}
