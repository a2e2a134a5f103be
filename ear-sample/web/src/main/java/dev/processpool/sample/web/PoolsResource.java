package dev.processpool.sample.web;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The admin page's API over the pools' MXBeans: {@code GET /api/pools} lists every pool with its figures,
 * {@code POST /api/pools/{name}/size} (form field {@code processes}) resizes one. A refusal answers
 * {@code {"error": "..."}} in words: 400 for a bad size, 404 for an unknown pool, 409 for a pool that is not running.
 */
@Path("pools")
@Produces(MediaType.APPLICATION_JSON)
public class PoolsResource {
    public record Refusal(String error) {
    }

    private final PoolAdmin admin = new PoolAdmin();

    @GET
    public List<Map<String, Object>> pools() {
        return admin.pools();
    }

    @POST
    @Path("{name}/size")
    public Response resize(@PathParam("name") String name, @FormParam("processes") String processes) {
        int size;
        try {
            size = Integer.parseInt(processes == null ? "" : processes.strip());
        } catch (NumberFormatException e) {
            return refuse(Response.Status.BAD_REQUEST, "the size must be a whole number of worker processes (1 or more),"
                    + " not \"" + (processes == null ? "" : processes) + "\"");
        }
        try {
            admin.resize(name, size);
        } catch (IllegalArgumentException e) {
            return refuse(Response.Status.BAD_REQUEST, message(e, "the size must be 1 or more, not " + size));
        } catch (NoSuchElementException e) {
            return refuse(Response.Status.NOT_FOUND, e.getMessage());
        } catch (IllegalStateException e) {
            return refuse(Response.Status.CONFLICT, message(e, "pool " + name + " is not running"));
        }
        return Response.ok(Map.of("name", name, "processes", size)).build();
    }

    private static Response refuse(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Refusal(error)).build();
    }

    private static String message(RuntimeException e, String otherwise) {
        return e.getMessage() == null || e.getMessage().isBlank() ? otherwise : e.getMessage();
    }
}
