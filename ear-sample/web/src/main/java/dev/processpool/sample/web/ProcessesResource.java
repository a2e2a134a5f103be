package dev.processpool.sample.web;

import dev.processpool.sample.service.PoolProcess;
import dev.processpool.sample.service.PoolProcesses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/processes}: this server's pid and the worker and forkserver processes processpool started for it. */
@Path("processes")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessesResource {
    public record Processes(long serverPid, List<PoolProcess> processes) {
    }

    @GET
    public Processes processes() {
        return new Processes(ProcessHandle.current().pid(), PoolProcesses.ofThisJvm());
    }
}
