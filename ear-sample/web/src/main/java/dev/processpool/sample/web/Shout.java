package dev.processpool.sample.web;

import dev.processpool.ProcessFunction;

/**
 * A task class that exists only in the WAR (not in the EAR's lib/ nor in the EJB module): a worker can load it
 * only by asking the server for its bytes. Its result names the worker and the class loader that ran it.
 */
public class Shout implements ProcessFunction<String, Shouted> {
    @Override
    public Shouted apply(String input) {
        return new Shouted(input.toUpperCase(java.util.Locale.ROOT) + "!", ProcessHandle.current().pid(),
                String.valueOf(getClass().getClassLoader().getName()));
    }
}
