package dev.processpool.internal.forkserver;

import dev.processpool.PoolOptions;
import dev.processpool.internal.codec.JsonbUse;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.launch.TaskClassesSeen;
import dev.processpool.internal.launch.WorkerCommand;
import dev.processpool.internal.launch.WorkerRequest;
import dev.processpool.internal.launch.WorkerStarter;
import dev.processpool.internal.workerjvm.WarmUpHints;
import dev.processpool.internal.worker.Warmup;
import dev.processpool.internal.workerjvm.WorkerJvm;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code forkserver} start method: workers come from the context's server, which keeps them started in
 * reserve. System properties: {@value #PRELOAD_PROPERTY} names classes (comma-separated) that reserve workers
 * load while they wait, besides the library's and JSON-B's own; {@value #RESERVE_PROPERTY} sets how many
 * workers to keep in reserve per recipe (default: the pool's {@code processes}, at most
 * {@value #DEFAULT_MAX_RESERVE}). A reserve nobody draws from for 30 s is stopped.
 */
public final class ForkServerStarter implements WorkerStarter {
    public static final String PRELOAD_PROPERTY = "processpool.forkserver.preload";
    public static final String RESERVE_PROPERTY = "processpool.forkserver.reserve";
    static final int DEFAULT_MAX_RESERVE = 4;

    private final ForkServerClient client;

    public ForkServerStarter(ForkServerClient client) {
        this.client = client;
    }

    public ForkServerClient client() {
        return client;
    }

    /** A context's first pool: its server starts while the pool is made. */
    @Override
    public void prepare() {
        client.startInBackground();
    }

    @Override
    public StartedWorker start(WorkerRequest request) throws IOException {
        return startAll(List.of(request)).get(0);
    }

    /** Sends all requests before it waits for the first answer: the round trips overlap. */
    @Override
    public List<StartedWorker> startAll(List<WorkerRequest> requests) throws IOException {
        PoolOptions options = requests.get(0).options();
        int reserve = Integer.getInteger(RESERVE_PROPERTY, Math.min(options.processes(), DEFAULT_MAX_RESERVE));
        return client.spawn(recipe(options), reserve, hintsOfThisJvm(), requests);
    }

    /** This JVM's: its class path, the task classes its pools have sent and its encoding of the warm-up task. */
    private static WarmUpHints hintsOfThisJvm() {
        String classPath = System.getProperty("java.class.path", "");
        return new WarmUpHints(classPath.contains("\t") || classPath.contains("\n") ? "" : classPath,
                TaskClassesSeen.list(), WarmUpTask.CODE, JsonbUse.seen());
    }

    /** Encoded once per parent JVM, when it first asks a forkserver for workers. */
    private static final class WarmUpTask {
        static final String CODE = Warmup.encodedTask();
    }

    /**
     * The recipe of a pool's workers; its JSON is also the server's reserve key. Written anew for each request,
     * since it changes once the workers' class-data archive exists (a new reserve then takes over).
     */
    private static String recipe(PoolOptions options) {
        String preload = System.getProperty(PRELOAD_PROPERTY, "-");
        List<String> command = WorkerCommand.commandLine(options,
                List.of("-D" + WorkerJvm.PRELOAD_PROPERTY + "=" + preload), WorkerJvm.MAIN_CLASS);
        Map<String, String> environment = new TreeMap<>(System.getenv());
        WorkerCommand.environment(options, environment);
        return new WorkerRecipe(command, environment).toJson();
    }
}
