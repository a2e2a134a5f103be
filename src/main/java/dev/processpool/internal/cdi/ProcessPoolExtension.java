package dev.processpool.internal.cdi;

import dev.processpool.ProcessPool;
import dev.processpool.internal.batch.BatchArtifacts;
import dev.processpool.internal.context.ContextRegistry;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * The library's portable extension, its only entry point into CDI:
 * <ol>
 *   <li>adds the library's beans ({@link PoolProducer}, {@link OwnerInterceptor}, and the batch artifacts where
 *       the Batch API is present), so that the jar needs no {@code beans.xml} and works with bean discovery
 *       disabled;</li>
 *   <li>binds {@link OwnerInterceptor} ({@link OwnsPools}) to every bean type with a {@code @ProcessPool} injection
 *       point (or an {@code Instance<Pool>} to look pools up), so that its pools know when their owner executes;</li>
 *   <li>checks every {@code @ProcessPool} injection point: each bad value or placement becomes a definition error,
 *       all reported together after bean discovery, that names the injection point, the member, the value and the
 *       fix; and so does each bad value administrators configured for a named pool ({@link ConfigurationCheck});</li>
 *   <li>warns of pools owned by request- or conversation-scoped beans ({@link ShortLivedOwners});</li>
 *   <li>at shutdown, stops any pool whose owner was never destroyed.</li>
 * </ol>
 */
public class ProcessPoolExtension implements Extension {
    private final LivePools livePools = new LivePools();
    /** Deployment problems found so far; injection points are processed concurrently by some containers. */
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final ConfigurationCheck configuration = new ConfigurationCheck();
    private final ShortLivedOwners shortLivedOwners = new ShortLivedOwners();

    void addLibraryBeans(@Observes BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(PoolProducer.class, PoolProducer.class.getName());
        discovery.addAnnotatedType(OwnerInterceptor.class, OwnerInterceptor.class.getName());
        BatchArtifacts.addTo(discovery);
    }

    <T> void bindOwnerInterceptor(@Observes @WithAnnotations(Inject.class) ProcessAnnotatedType<T> event) {
        if (hasPoolInjectionPoint(event.getAnnotatedType())) {
            event.configureAnnotatedType().add(OwnsPools.Literal.INSTANCE);
        }
    }

    /** Whether {@code type} injects a {@code @ProcessPool} anything, or an {@code Instance<Pool>} to look pools up. */
    private static boolean hasPoolInjectionPoint(AnnotatedType<?> type) {
        Stream<Annotated> fields = type.getFields().stream()
                .filter(field -> field.isAnnotationPresent(Inject.class))
                .map(Annotated.class::cast);
        Stream<Annotated> parameters = Stream.concat(
                type.getConstructors().stream().filter(c -> c.isAnnotationPresent(Inject.class))
                        .flatMap(c -> c.getParameters().stream()),
                type.getMethods().stream().filter(m -> m.isAnnotationPresent(Inject.class))
                        .flatMap(m -> m.getParameters().stream()))
                .map(Annotated.class::cast);
        return Stream.concat(fields, parameters).anyMatch(point -> point.isAnnotationPresent(ProcessPool.class)
                || PoolInjectionPoints.isPoolType(point.getBaseType()));
    }

    void checkInjectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        PoolInjectionPoints.qualifier(ip).ifPresent(annotation -> {
            String where = PoolInjectionPoints.describe(ip);
            List<MemberProblem> memberProblems = PoolSettings.problems(annotation);
            Stream.concat(PoolInjectionPoints.placementProblems(ip).stream(),
                            memberProblems.stream().map(problem -> problem.message(where)))
                    .forEach(problems::add);
            if (memberProblems.isEmpty() && ip.getBean() != null) {
                configuration.add(where, annotation, ip.getBean().getBeanClass().getClassLoader());
            }
        });
    }

    /** Notes each bean's scope and pools, to warn of pools owned by short-lived beans. */
    void noteOwner(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        List<String> poolPoints = bean.getInjectionPoints().stream()
                .filter(ip -> PoolInjectionPoints.qualifier(ip).isPresent())
                .map(PoolInjectionPoints::describe)
                .toList();
        shortLivedOwners.add(bean, poolPoints);
    }

    void warnOfShortLivedOwners(@Observes AfterDeploymentValidation event, BeanManager beans) {
        shortLivedOwners.warnOfDependentOwners(beans);
    }

    /**
     * Reports the problems of every injection point, and of the configuration of their pools, at once, so that one
     * deployment shows them all.
     */
    void reportProblems(@Observes AfterBeanDiscovery event) {
        problems.addAll(configuration.problems());
        problems.forEach(problem -> event.addDefinitionError(new InvalidPoolInjectionPoint(problem)));
        problems.clear();
    }

    /** The container's end is the application's: no pool, forkserver or reserve worker of it may outlive it. */
    void stopLeftPools(@Observes BeforeShutdown shutdown) {
        livePools.stopAll();
        ContextRegistry.INSTANCE.stopServers();
    }

    LivePools livePools() {
        return livePools;
    }
}
