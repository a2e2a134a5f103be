package dev.processpool.batch;

/** An item as the pool's function returns it: the item and the pid of the worker process that handled it. */
public record Tagged(int item, long pid) {
}
