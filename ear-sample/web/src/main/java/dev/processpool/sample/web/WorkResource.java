package dev.processpool.sample.web;

import dev.processpool.sample.service.HashService;
import dev.processpool.sample.service.Hashed;
import dev.processpool.sample.service.PrimeCount;
import dev.processpool.sample.service.PrimeService;
import dev.processpool.sample.service.ReportService;
import dev.processpool.sample.service.TaskService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Work done in worker processes, over HTTP. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {
    @Inject
    PrimeService primes;
    @Inject
    HashService hashes;
    @Inject
    TaskService tasks;
    @Inject
    ReportService reports;

    /** {@code GET /api/primes?from=0&to=100000&parts=4}: the primes in [from, to), counted in parts. */
    @GET
    @Path("primes")
    public PrimeCount primes(@QueryParam("from") @DefaultValue("0") long from, @QueryParam("to") long to,
            @QueryParam("parts") @DefaultValue("4") int parts) {
        return primes.count(from, to, parts);
    }

    /** {@code POST /api/hashes} with a JSON array of strings: their SHA-256 hashes. */
    @POST
    @Path("hashes")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Hashed> hashes(List<String> inputs) {
        return hashes.sha256(inputs);
    }

    /** {@code POST /api/reports} with a JSON array of words: hashed in the named pool the admin page shows. */
    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Hashed> reports(List<String> words) {
        return reports.hash(words);
    }

    /** {@code GET /api/shout?text=a&text=b}: runs the WAR's own {@link Shout} on each text in a worker. */
    @GET
    @Path("shout")
    public List<Shouted> shout(@QueryParam("text") List<String> texts) {
        return tasks.map(new Shout(), texts);
    }
}
