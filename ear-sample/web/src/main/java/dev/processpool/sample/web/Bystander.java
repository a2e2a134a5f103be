package dev.processpool.sample.web;

import dev.processpool.Pool;
import dev.processpool.sample.service.Counted;
import dev.processpool.sample.service.Tasks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Another bean: it got hold of {@link OwnershipProbe}'s pool and submits a task that calls it on its own account. */
@ApplicationScoped
public class Bystander {
    @Inject
    OwnershipProbe owner;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** What the managed executor's task got from the leaked pool: the pool's refusal, if all is well. */
    public Outcome useTheLeakedPool() throws InterruptedException, TimeoutException {
        Pool leaked = owner.leak();
        try {
            Counted counted = executor.submit(() -> leaked.apply(Tasks::countPrimes, OwnershipProbe.SMALL_RANGE))
                    .get(60, TimeUnit.SECONDS);
            return new Outcome(true, "counted " + counted.count() + " in worker " + counted.pid());
        } catch (ExecutionException e) {
            return new Outcome(false, e.getCause().getClass().getName() + ": " + e.getCause().getMessage());
        }
    }

    /** Whether the call was served, and what it answered or threw. */
    public record Outcome(boolean served, String detail) {
    }
}
