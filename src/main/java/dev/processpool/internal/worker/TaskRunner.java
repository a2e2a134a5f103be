package dev.processpool.internal.worker;

import dev.processpool.internal.codec.Sendability;

import dev.processpool.internal.classloading.LoaderRegistry;
import dev.processpool.internal.classloading.RemoteClassLoader;
import dev.processpool.internal.codec.DecodedTask;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.codec.Sendability;
import dev.processpool.internal.codec.TaskDecoder;
import dev.processpool.internal.codec.ValueLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs tasks in the worker: rebuilds the function (cached), reads the inputs, applies, writes the results. */
final class TaskRunner {
    /** A chunk's encoded results and the failures of single items. */
    record Results(byte[] encoded, List<ItemFailure> failures, boolean workerBroken) {
    }

    private static final int CACHED_FUNCTIONS = 64;
    private static final byte[] EMPTY_LIST = "[]".getBytes(StandardCharsets.UTF_8);

    private final RemoteClassLoader.ResourceSource parent;
    private final String parentClassPath;
    private final Map<Integer, ClassLoader> loaders = new LinkedHashMap<>();
    private final TaskDecoder decoder = new TaskDecoder(this::loader);
    private final Map<String, DecodedTask> functions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DecodedTask> eldest) {
            return size() > CACHED_FUNCTIONS;
        }
    };

    /** @param parent where classes and resources that are not on the class path come from */
    TaskRunner(RemoteClassLoader.ResourceSource parent, String parentClassPath) {
        this.parent = parent;
        this.parentClassPath = parentClassPath;
    }

    /** Runs a {@code ProcessRunnable} (the initializer); its failure is thrown. */
    void runOnce(String code) throws Exception {
        DecodedTask task = decoder.decode(code);
        Thread.currentThread().setContextClassLoader(task.loader());
        task.run();
    }

    /**
     * Runs items {@code start..} of a chunk (those before it ran on a worker that died), watched by {@code watch}.
     * A cancelled chunk stops after its running item and fails as a whole: nobody waits for its results.
     */
    Results run(long chunkId, String code, byte[] encodedInputs, int start, ItemWatch watch) throws IOException {
        DecodedTask task;
        List<Object> inputs;
        try {
            task = function(code);
            inputs = task.inputs().decode(encodedInputs, task.loader());
        } catch (Throwable t) {
            // Nothing of the chunk can run: every item fails alike; the parent knows how many there are.
            return new Results(EMPTY_LIST, List.of(new ItemFailure(-1, RemoteFailure.of(t))),
                    t instanceof VirtualMachineError);
        }
        Thread.currentThread().setContextClassLoader(task.loader());
        ItemWatch.ChunkRun run = watch.begin(chunkId, task, start, inputs.size());
        boolean broken = false;
        try {
            for (int i = start; i < inputs.size(); i++) {
                Object result = null;
                Throwable error = null;
                try {
                    result = task.apply(inputs.get(i));
                    Sendability.checkResult(result, "the result");   // a cycle or deep nesting fails here, not in JSON-B
                } catch (Throwable t) {
                    error = t;
                    broken |= t instanceof VirtualMachineError;
                }
                if (run.itemDone(i, result, error)) {
                    return new Results(EMPTY_LIST, List.of(new ItemFailure(-1, RemoteFailure.of(
                            new java.util.concurrent.CancellationException("the chunk was cancelled")))), broken);
                }
            }
        } finally {
            watch.end(run);
        }
        List<Object> results = run.results();
        List<ItemFailure> failures = new ArrayList<>(run.failures());
        return new Results(encode(task, results, failures, start), failures, broken);
    }

    /** Writes the results; a result JSON-B cannot write fails its item, not the chunk. */
    private static byte[] encode(DecodedTask task, List<Object> results, List<ItemFailure> failures, int start) {
        try {
            byte[] encoded = task.results().encode(results);
            return encoded.length <= ValueLimits.MAX_ENCODED_BYTES ? encoded
                    : tooBig(encoded.length, results, failures, start);
        } catch (RuntimeException whole) {
            for (int i = 0; i < results.size(); i++) {
                Object result = results.get(i);
                if (result == null) {
                    continue;   // failed already, or null: nothing of its own to refuse
                }
                try {
                    task.results().encode(java.util.Collections.singletonList(result));
                } catch (RuntimeException e) {
                    failures.add(new ItemFailure(start + i, RemoteFailure.of(new IllegalArgumentException(
                            "the result of type " + result.getClass().getName() + " cannot be sent back as JSON: " + e.getMessage(), e))));
                    results.set(i, null);
                }
            }
            try {
                return task.results().encode(results);
            } catch (RuntimeException e) {
                // Even nulls of the declared type cannot be written (JSON-B cannot model it): nulls need no type.
                return ("[" + String.join(",", java.util.Collections.nCopies(results.size(), "null")) + "]")
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** Results that together are more than a frame carries: each item fails, saying so. */
    private static byte[] tooBig(long bytes, List<Object> results, List<ItemFailure> failures, int start) {
        java.util.Set<Integer> failed = new java.util.HashSet<>();
        failures.forEach(failure -> failed.add(failure.index()));
        for (int i = 0; i < results.size(); i++) {
            if (!failed.contains(start + i)) {
                failures.add(new ItemFailure(start + i, RemoteFailure.of(new IllegalArgumentException(
                        "cannot send the results of this chunk back to the parent: " + ValueLimits.tooBig(bytes)))));
            }
        }
        return ("[" + String.join(",", java.util.Collections.nCopies(results.size(), "null")) + "]")
                .getBytes(StandardCharsets.UTF_8);
    }

    private DecodedTask function(String code) throws ReflectiveOperationException {
        DecodedTask task = functions.get(code);
        if (task == null) {
            task = decoder.decode(code);
            functions.put(code, task);
        }
        return task;
    }

    private ClassLoader loader(int id) {
        ClassLoader loader = loaders.get(id);
        if (loader == null) {
            loader = id == LoaderRegistry.CLASS_PATH ? classPathLoader()
                    : new RemoteClassLoader(id, loader(LoaderRegistry.CLASS_PATH), parent);
            loaders.put(id, loader);
        }
        return loader;
    }

    /** The parent's plain class path, read from files by the worker itself. */
    private ClassLoader classPathLoader() {
        return new RemoteClassLoader(LoaderRegistry.CLASS_PATH, ClassPathLoader.of(parentClassPath), parent);
    }
}
