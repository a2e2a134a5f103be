package dev.processpool;

import dev.processpool.internal.context.ContextRegistry;

/**
 * Runs in a copy of the library loaded by {@link IsolatedLibrary}, as a deployment does: uses a pool, closes it and
 * ends as an undeployment ends (the CDI extension's shutdown stops the shared contexts' servers).
 */
public final class LeakDriver {
    private LeakDriver() {
    }

    public static String useAPoolAndLetGo(String startMethod) {
        int sum;
        try (Pool pool = ProcessContext.of(startMethod).newPool(PoolOptions.builder().processes(2).build())) {
            sum = pool.map(LeakDriver::twice, java.util.List.of(1, 2, 3)).stream().mapToInt(Integer::intValue).sum();
        }
        Pool broken = ProcessContext.of(startMethod).newPool(PoolOptions.builder().processes(1).build());
        broken.terminate();
        ContextRegistry.INSTANCE.stopServers();
        return Integer.toString(sum);
    }

    static int twice(int x) {
        return 2 * x;
    }
}
