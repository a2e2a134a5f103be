package dev.processpool.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import dev.processpool.SupervisedTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/** Owners whose pool runs a task that never returns (it swallows interrupts), one per start method. */
public final class HangingWork {
    private HangingWork() {
    }

    static long markThenHang(String dir, int item) throws Exception {
        SupervisedTasks.mark(dir, item);
        return SupervisedTasks.swallowInterrupts(item);
    }

    /** An owner whose pool is a spawn pool. */
    @ApplicationScoped
    public static class Spawn {
        @Inject
        @ProcessPool(name = "hanging-spawn", startMethod = "spawn", processes = 1)
        Pool pool;

        public CompletableFuture<Long> hang(String dir) {
            return pool.applyAsync((Integer item) -> markThenHang(dir, item), 0);
        }

        public long workerPid() {
            return pool.apply(Tasks::pid, 0);
        }
    }

    /** An owner whose pool is a forkserver pool. */
    @ApplicationScoped
    public static class ForkServer {
        @Inject
        @ProcessPool(name = "hanging-forkserver", startMethod = "forkserver", processes = 1)
        Pool pool;

        public CompletableFuture<Long> hang(String dir) {
            return pool.applyAsync((Integer item) -> markThenHang(dir, item), 0);
        }

        public long workerPid() {
            return pool.apply(Tasks::pid, 0);
        }
    }
}
