package dev.processpool.internal.forkserver;

import dev.processpool.PoolOptions;
import dev.processpool.internal.launch.StartedWorker;
import dev.processpool.internal.launch.WorkerCommand;
import dev.processpool.internal.launch.WorkerRequest;
import dev.processpool.internal.launch.WorkerStarter;
import dev.processpool.internal.worker.WorkerMain;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code forkserver} start method: workers come from the context's server, which keeps them started in
 * reserve. System properties: {@value #PRELOAD_PROPERTY} names classes (comma-separated) that reserve workers
 * load while they wait, besides the library's and JSON-B's own; {@value #RESERVE_PROPERTY} sets how many
 * workers to keep in reserve per recipe (default: the pool's {@code processes}).
 */
public final class ForkServerStarter implements WorkerStarter {
    public static final String PRELOAD_PROPERTY = "processpool.forkserver.preload";
    public static final String RESERVE_PROPERTY = "processpool.forkserver.reserve";

    private final ForkServerClient client;

    public ForkServerStarter(ForkServerClient client) {
        this.client = client;
    }

    public ForkServerClient client() {
        return client;
    }

    @Override
    public StartedWorker start(WorkerRequest request) throws IOException {
        PoolOptions options = request.options();
        String preload = System.getProperty(PRELOAD_PROPERTY, "-");
        List<String> command = WorkerCommand.commandLine(options,
                List.of("-D" + WorkerMain.PRELOAD_PROPERTY + "=" + preload), WorkerMain.class.getName());
        Map<String, String> environment = new HashMap<>(System.getenv());
        WorkerCommand.environment(options, environment);
        int reserve = Integer.getInteger(RESERVE_PROPERTY, options.processes());
        return client.spawn(new WorkerRecipe(command, environment, reserve), request.socketPath(), request.token());
    }
}
