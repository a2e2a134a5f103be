package dev.processpool.cdi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** A request-scoped bean that injects a dependent owner of a pool. */
@RequestScoped
public class RequestHandler {
    @Inject
    PerRequestHelper helper;
}
