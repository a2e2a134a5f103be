package dev.processpool.sample.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The admin page's API over the pools' MXBeans, for users in the role {@code processpool-admin} only (web.xml):
 * {@code GET /api/pools} lists every pool with its figures and workers; {@code POST /api/pools/{name}/size} with
 * {@code {"processes": 3}} resizes one, {@code POST .../recycle} replaces its workers, {@code POST .../restart}
 * starts a BROKEN one again ({@code ?application=} picks among pools of one name in several applications).
 *
 * <p>A POST must be JSON ({@code Content-Type: application/json}, else 415) and carry the header
 * {@value #CSRF_HEADER} (else 403): an HTML form of another site can do neither, and a script of another site
 * cannot send that header without a CORS preflight this API never approves. A refusal answers
 * {@code {"error": "..."}} in words: 400 for a bad size, 404 for an unknown pool, 409 for a pool in the wrong state.
 */
@Path("pools")
@Produces(MediaType.APPLICATION_JSON)
public class PoolsResource {
    static final String CSRF_HEADER = "X-Requested-By";

    public record Refusal(String error) {
    }

    private final PoolAdmin admin = new PoolAdmin();

    @GET
    public List<Map<String, Object>> pools() {
        return admin.pools();
    }

    @POST
    @Path("{name}/size")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resize(@PathParam("name") String name, @QueryParam("application") String application,
            @HeaderParam(CSRF_HEADER) String requestedBy, JsonObject body) {
        JsonValue processes = body == null ? null : body.get("processes");
        Integer size = size(processes);
        if (size == null) {
            return refuse(Response.Status.BAD_REQUEST, "the size must be a whole number of worker processes"
                    + " (1 or more), not " + (processes == null ? "nothing" : shown(processes)));
        }
        return change(requestedBy, name, () -> admin.resize(name, application, size),
                Map.of("name", name, "processes", size));
    }

    @POST
    @Path("{name}/recycle")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recycle(@PathParam("name") String name, @QueryParam("application") String application,
            @HeaderParam(CSRF_HEADER) String requestedBy) {
        return change(requestedBy, name, () -> admin.recycle(name, application), Map.of("name", name, "recycled", true));
    }

    @POST
    @Path("{name}/restart")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response restart(@PathParam("name") String name, @QueryParam("application") String application,
            @HeaderParam(CSRF_HEADER) String requestedBy) {
        return change(requestedBy, name, () -> admin.restart(name, application), Map.of("name", name, "restarted", true));
    }

    private static Response change(String requestedBy, String name, Runnable change, Map<String, Object> done) {
        if (requestedBy == null || requestedBy.isBlank()) {
            return refuse(Response.Status.FORBIDDEN, "a request that changes a pool must carry the header "
                    + CSRF_HEADER + " (the admin page sends it); refused so that another site cannot post it");
        }
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            return refuse(Response.Status.BAD_REQUEST, message(e, "refused by pool " + name));
        } catch (NoSuchElementException e) {
            return refuse(Response.Status.NOT_FOUND, e.getMessage());
        } catch (IllegalStateException e) {
            return refuse(Response.Status.CONFLICT, message(e, "pool " + name + " is not running"));
        }
        return Response.ok(done).build();
    }

    /** A whole number, given as a JSON number or as the text typed in the page; null otherwise. */
    private static Integer size(JsonValue processes) {
        if (processes instanceof JsonNumber number && number.isIntegral()) {
            return number.intValue();
        }
        if (processes instanceof JsonString text) {
            try {
                return Integer.parseInt(text.getString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String shown(JsonValue value) {
        return value instanceof JsonString text ? "\"" + text.getString() + "\"" : value.toString();
    }

    private static Response refuse(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Refusal(error)).build();
    }

    private static String message(RuntimeException e, String otherwise) {
        return e.getMessage() == null || e.getMessage().isBlank() ? otherwise : e.getMessage();
    }
}
