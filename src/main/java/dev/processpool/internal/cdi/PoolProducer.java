package dev.processpool.internal.cdi;

import dev.processpool.Pool;
import dev.processpool.ProcessContext;
import dev.processpool.ProcessPool;
import dev.processpool.internal.concurrent.ExecutingOwners;
import dev.processpool.internal.concurrent.ManagedExecutors;
import dev.processpool.internal.concurrent.OwnerFutures;
import dev.processpool.internal.context.StartMethodContext;
import dev.processpool.internal.management.PoolIdentity;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Produces a pool per {@code @ProcessPool} injection point, {@code @Dependent} on the bean it is injected into, and
 * stops its workers when that bean is destroyed. Added as a bean by {@link ProcessPoolExtension}.
 */
@Dependent
public class PoolProducer {
    @Inject
    ProcessPoolExtension extension;
    @Inject
    BeanManager beans;

    /**
     * A pool made by the engine from the annotation's members and what is configured for its name now, wrapped for its
     * owner.
     *
     * @throws IllegalStateException if the pool is looked up ({@code Instance<Pool>}) while its owner is not executing
     * @throws IllegalArgumentException if a qualifier chosen at run time, or the configuration of the pool's name, has
     *         bad values
     */
    @Produces
    @Dependent
    @ProcessPool
    Pool pool(InjectionPoint ip) {
        String where = PoolInjectionPoints.describe(ip);
        ProcessPool annotation = PoolInjectionPoints.qualifier(ip).orElse(ProcessPool.Literal.INSTANCE);
        PoolOwner owner = ownerOf(ip, where);
        PoolSettings settings = PoolSettings.of(annotation, where, ip.getBean().getBeanClass().getClassLoader());
        Pool engine = newPool(settings, new PoolIdentity(Deployments.applicationName(), where));
        ManagedPool pool = new ManagedPool(engine, where, owner, futures());
        extension.livePools().add(pool);
        if (owner.instance() == null) {
            UnclaimedPools.await(owner);   // only once the pool exists: a failed start leaves nothing waiting
        }
        return pool;
    }

    private static Pool newPool(PoolSettings settings, PoolIdentity identity) {
        ProcessContext context = settings.context();
        return context instanceof StartMethodContext known ? known.newPool(settings.options(), identity)
                : context.newPool(settings.options());
    }

    /**
     * The owner: the instance of the injection point's bean executing here (a lookup in one of its methods), or the
     * instance being constructed, which claims the pool after injection (left unbound here).
     */
    private static PoolOwner ownerOf(InjectionPoint ip, String where) {
        Bean<?> bean = ip.getBean();
        if (bean == null) {
            throw new IllegalStateException("@ProcessPool " + where + ": only a bean can own a pool; inject it into a"
                    + " bean, or create one with ProcessContext.newPool");
        }
        PoolOwner owner = new PoolOwner(bean);
        Object executing = ExecutingOwners.innermostOf(bean);
        if (executing != null) {
            owner.bind(executing);
        } else if (PoolInjectionPoints.isLookup(ip)) {
            throw new IllegalStateException("@ProcessPool " + where + ": a pool is looked up by its owner, "
                    + bean.getBeanClass().getName() + ", in one of its methods; it was looked up on thread '"
                    + Thread.currentThread().getName() + "' where no " + bean.getBeanClass().getSimpleName()
                    + " is executing");
        }
        return owner;
    }

    /** Managed futures where a managed executor is available (a CDI bean, else JNDI's default); else plain ones. */
    private OwnerFutures futures() {
        Optional<Object> executor = Optional.empty();
        if (ManagedExecutors.API_PRESENT) {
            executor = ManagedExecutorBeans.find(beans);
        }
        if (executor.isEmpty()) {
            executor = ManagedExecutors.defaultFromJndi();
        }
        return ManagedExecutors.futures(executor);
    }

    void stop(@Disposes @ProcessPool Pool pool) {
        extension.livePools().stop((ManagedPool) pool);
    }
}
