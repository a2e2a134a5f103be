package dev.processpool.internal.cdi;

import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Warns at deployment of pools whose owners live a request or a conversation (or are {@code @Dependent} on such a
 * bean): each owner instance starts its own worker processes and stops them when it goes, so every request pays a
 * pool's start. Nothing is refused: it works, only slowly.
 */
final class ShortLivedOwners {
    private static final System.Logger LOG = System.getLogger("dev.processpool.cdi");
    private static final Set<Class<? extends Annotation>> SHORT_SCOPES = Set.of(RequestScoped.class,
            ConversationScoped.class);

    /** Beans of a short scope, to find the dependent owners they inject. */
    private final Queue<Bean<?>> shortLived = new ConcurrentLinkedQueue<>();
    /** Dependent beans that own pools, with their pool injection points. */
    private final Map<Bean<?>, List<String>> dependentOwners = new ConcurrentHashMap<>();

    /** A bean found at deployment, with its {@code @ProcessPool} injection points (described). */
    void add(Bean<?> bean, List<String> poolPoints) {
        Class<? extends Annotation> scope = bean.getScope();
        if (SHORT_SCOPES.contains(scope)) {
            shortLived.add(bean);
            poolPoints.forEach(where -> warn(where, "@" + scope.getSimpleName() + " bean "
                    + bean.getBeanClass().getSimpleName()));
        } else if (scope == Dependent.class && !poolPoints.isEmpty()) {
            dependentOwners.put(bean, poolPoints);
        }
    }

    /** Once every bean is known: the dependent owners that a short-lived bean injects. */
    void warnOfDependentOwners(BeanManager beans) {
        for (Bean<?> bean : shortLived) {
            for (InjectionPoint ip : bean.getInjectionPoints()) {
                Bean<?> injected = resolve(beans, ip);
                if (injected != null && dependentOwners.containsKey(injected)) {
                    String via = "@Dependent bean " + injected.getBeanClass().getSimpleName() + ", which "
                            + PoolInjectionPoints.describe(ip) + " of @" + bean.getScope().getSimpleName() + " bean "
                            + bean.getBeanClass().getSimpleName() + " injects,";
                    dependentOwners.get(injected).forEach(where -> warn(where, via));
                }
            }
        }
        shortLived.clear();
        dependentOwners.clear();
    }

    private static Bean<?> resolve(BeanManager beans, InjectionPoint ip) {
        try {
            return beans.resolve(beans.getBeans(ip.getType(), ip.getQualifiers().toArray(Annotation[]::new)));
        } catch (RuntimeException unresolvable) {
            return null;   // the container reports it itself
        }
    }

    private static void warn(String where, String owner) {
        LOG.log(Level.WARNING, "@ProcessPool " + where + " is owned by a short-lived " + owner + " so each instance"
                + " starts its own worker processes and stops them when it goes: every request pays a pool's start"
                + " (hundreds of milliseconds) and concurrent requests run pools side by side. Inject the pool into"
                + " an @ApplicationScoped bean (or a @Singleton EJB) and call that bean from here.");
    }
}
