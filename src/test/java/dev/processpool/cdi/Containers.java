package dev.processpool.cdi;

import dev.processpool.TestPools;
import java.time.Duration;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Collection;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Weld SE containers for the tests: bean discovery off, only the beans named. With discovery off Weld SE loads no
 * extension by itself, so the service-registered ones are added as docs/cdi.md tells applications to; the library's
 * extension then adds the library's beans.
 */
final class Containers {
    private static final AtomicInteger IDS = new AtomicInteger();

    private Containers() {
    }

    static Weld weld(Class<?>... beanClasses) {
        return new Weld("processpool-test-" + IDS.incrementAndGet())
                .disableDiscovery()
                .addExtensions(serviceExtensions())
                .addBeanClasses(beanClasses);
    }

    static Extension[] serviceExtensions() {
        return ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get).toArray(Extension[]::new);
    }

    static WeldContainer start(Class<?>... beanClasses) {
        return weld(beanClasses).initialize();
    }

    /** Waits until none of {@code pids} is a live process. */
    static void awaitGone(Collection<Long> pids) {
        TestPools.await("workers " + pids + " to exit", Duration.ofSeconds(20),
                () -> pids.stream().noneMatch(TestPools::isAlive));
    }
}
