/**
 * CDI: serves {@code @Inject @ProcessPool Pool}. One portable extension,
 * {@link dev.processpool.internal.cdi.ProcessPoolExtension}, registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}, adds the library's beans itself (the producer
 * and the owner interceptor), so the jar needs no {@code beans.xml} and works with bean discovery off. It checks
 * every {@code @ProcessPool} injection point at deployment, marks the beans that own pools so that
 * {@link dev.processpool.internal.cdi.OwnerInterceptor} records when they execute, and stops whatever pool is left
 * at shutdown.
 *
 * <p>Pools come from the engine ({@code ProcessContext.newPool}), which knows nothing of CDI;
 * {@link dev.processpool.internal.cdi.ManagedPool} adapts one to its owner: owner-only calls, no life-cycle
 * methods, owner futures.
 */
package dev.processpool.internal.cdi;
