package dev.processpool.sample.second;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The second application's work, done in its own workers, over HTTP. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LettersResource {
    @Inject
    LetterService letters;
    @Inject
    FragileService fragile;
    @Inject
    PerRequestLetters perRequest;

    /** {@code GET /second/api/upper?text=a&text=b}: each text in upper case, in the pool {@code second-letters}. */
    @GET
    @Path("upper")
    public List<Lettered> upper(@QueryParam("text") List<String> texts) {
        return letters.upper(texts);
    }

    /** {@code GET /second/api/fragile?text=a}: the same in the pool {@code second-fragile}. */
    @GET
    @Path("fragile")
    public List<Lettered> fragile(@QueryParam("text") List<String> texts) {
        return fragile.upper(texts);
    }

    /** {@code GET /second/api/per-request?text=a}: the same in a pool of this request's own. */
    @GET
    @Path("per-request")
    public List<Lettered> perRequest(@QueryParam("text") List<String> texts) {
        return perRequest.upper(texts);
    }
}
