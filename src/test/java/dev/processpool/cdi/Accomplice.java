package dev.processpool.cdi;

import dev.processpool.Pool;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Future;

/** A bean that hands a leaked pool to the managed executor on its own account. */
@ApplicationScoped
public class Accomplice {
    @Inject
    ManagedExecutorService executor;

    public Future<Integer> square(Pool leaked, int x) {
        return executor.submit(() -> leaked.apply(Tasks::square, x));
    }
}
