package dev.processpool.internal.cdi;

import dev.processpool.internal.concurrent.ExecutingOwners;
import dev.processpool.internal.concurrent.OwnerFrame;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Intercepted;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Marks a pool owner executing on the current thread for the length of each of its business methods, timeouts and
 * life-cycle callbacks ({@link ExecutingOwners}). After the owner is constructed it claims the pools injected into
 * it ({@link UnclaimedPools}). Outermost of the interceptors, so that the others run as the owner too.
 */
@OwnsPools
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class OwnerInterceptor {
    @Inject
    @Intercepted
    Bean<?> owner;

    @PostConstruct
    Object constructed(InvocationContext invocation) throws Exception {
        UnclaimedPools.claim(owner, invocation.getTarget());
        return asOwner(invocation);
    }

    @PreDestroy
    Object destroying(InvocationContext invocation) throws Exception {
        return asOwner(invocation);
    }

    @AroundInvoke
    Object businessMethod(InvocationContext invocation) throws Exception {
        return asOwner(invocation);
    }

    @AroundTimeout
    Object timeout(InvocationContext invocation) throws Exception {
        return asOwner(invocation);
    }

    private Object asOwner(InvocationContext invocation) throws Exception {
        OwnerFrame outer = ExecutingOwners.enter(invocation.getTarget(), owner);
        try {
            return invocation.proceed();
        } finally {
            ExecutingOwners.restore(outer);
        }
    }
}
