package dev.processpool.cdi;

import dev.processpool.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Another bean, which the owner calls with its pool. */
@ApplicationScoped
public class Calculator {
    public int square(Pool pool, int x) {
        return pool.apply(Tasks::square, x);
    }
}
