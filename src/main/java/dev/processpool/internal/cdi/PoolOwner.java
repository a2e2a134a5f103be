package dev.processpool.internal.cdi;

import dev.processpool.internal.concurrent.ExecutingOwners;
import jakarta.enterprise.inject.spi.Bean;
import java.util.Objects;

/**
 * The owner of one container-managed pool: the bean it was injected into and, from the end of that bean's
 * construction on, the instance. Before then nobody may call the pool (not even the owner's constructor).
 */
final class PoolOwner {
    private final Bean<?> bean;
    private volatile Object instance;

    PoolOwner(Bean<?> bean) {
        this.bean = Objects.requireNonNull(bean, "bean");
    }

    Bean<?> bean() {
        return bean;
    }

    /** The instance, or {@code null} while it is being constructed. */
    Object instance() {
        return instance;
    }

    void bind(Object ownerInstance) {
        this.instance = Objects.requireNonNull(ownerInstance, "owner instance");
    }

    /** Whether the owner is executing on the calling thread. */
    boolean isExecutingHere() {
        Object owner = instance;
        return owner != null && ExecutingOwners.isExecuting(owner);
    }

    @Override
    public String toString() {
        Object owner = instance;
        String name = bean.getBeanClass().getName();
        return owner == null ? name + " (being constructed)" : name + "@" + Integer.toHexString(System.identityHashCode(owner));
    }
}
