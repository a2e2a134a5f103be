package dev.processpool.sample.web;

import dev.processpool.sample.service.Counted;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** How injected pools meet Jakarta Concurrency: ownership through a managed executor, and managed futures. */
@Path("concurrency")
@Produces(MediaType.APPLICATION_JSON)
public class ConcurrencyResource {
    @Inject
    OwnershipProbe owner;
    @Inject
    Bystander bystander;
    @Inject
    ContextProbe context;

    public record Ownership(Counted ownerTask, Bystander.Outcome bystanderTask) {
    }

    /** {@code GET /api/concurrency/ownership}: the owner's task on the managed executor, and a bystander's. */
    @GET
    @Path("ownership")
    public Ownership ownership() throws Exception {
        return new Ownership(owner.countOnTheManagedExecutor(), bystander.useTheLeakedPool());
    }

    /** {@code GET /api/concurrency/stages}: what dependent stages of a pool's future see. */
    @GET
    @Path("stages")
    public ContextProbe.Stages stages() throws Exception {
        return context.probe();
    }
}
