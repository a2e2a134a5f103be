package dev.processpool.sample.web;

import dev.processpool.Pool;
import dev.processpool.ProcessPool;
import dev.processpool.sample.service.Tasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What the dependent stages of an injected pool's future see: the application's naming context and class loader,
 * as stages of a Jakarta Concurrency future do. For comparison, the same probe on a thread of the JVM's common
 * pool, which carries no context of the application.
 */
@ApplicationScoped
public class ContextProbe {
    @Inject
    @ProcessPool(startMethod = "spawn", processes = 1)
    Pool pool;

    /** Where a stage ran and what it saw. */
    public record Seen(String thread, String moduleName, boolean applicationClassLoader) {
    }

    public record Stages(Seen thenApply, Seen thenApplyAsync, Seen commonPool) {
    }

    public Stages probe() throws InterruptedException, ExecutionException, TimeoutException {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        CompletableFuture<String> hashed = pool.applyAsync(Tasks::sha256, "context").thenApply(h -> h.sha256());
        Seen thenApply = hashed.thenApply(h -> seen(application)).get(60, TimeUnit.SECONDS);
        Seen thenApplyAsync = hashed.thenApplyAsync(h -> seen(application)).get(60, TimeUnit.SECONDS);
        Seen commonPool = CompletableFuture.supplyAsync(() -> seen(application), ForkJoinPool.commonPool())
                .get(60, TimeUnit.SECONDS);
        return new Stages(thenApply, thenApplyAsync, commonPool);
    }

    private static Seen seen(ClassLoader application) {
        String moduleName;
        try {
            moduleName = (String) new InitialContext().lookup("java:module/ModuleName");
        } catch (NamingException e) {
            moduleName = e.getClass().getSimpleName();
        }
        return new Seen(Thread.currentThread().getName(), moduleName,
                Thread.currentThread().getContextClassLoader() == application);
    }
}
