package dev.processpool.cdi;

import dev.processpool.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** A bean that got hold of another bean's pool and uses it on its own account. */
@ApplicationScoped
public class Thief {
    public int square(Pool leaked, int x) {
        return leaked.apply(Tasks::square, x);
    }
}
