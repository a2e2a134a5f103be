package dev.processpool.sample.web;

import dev.processpool.sample.batch.JobResults;
import dev.processpool.sample.service.Hashed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Properties;

/** The {@code hash-words} batch job: started and read over HTTP. */
@Path("jobs/hash-words")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    static final String JOB = "hash-words";

    @Inject
    JobResults results;

    public record Started(long executionId) {
    }

    public record Execution(long executionId, String batchStatus, String exitStatus, List<Hashed> hashes) {
    }

    /** {@code POST /api/jobs/hash-words?count=45}: starts hashing {@code count} words. */
    @POST
    public Started start(@QueryParam("count") int count) {
        Properties parameters = new Properties();
        parameters.setProperty("count", Integer.toString(count));
        return new Started(operator().start(JOB, parameters));
    }

    /** {@code GET /api/jobs/hash-words/{id}}: the execution's status and the hashes written so far. */
    @GET
    @Path("{id}")
    public Execution execution(@PathParam("id") long id) {
        JobExecution execution = operator().getJobExecution(id);
        return new Execution(id, execution.getBatchStatus().name(), execution.getExitStatus(), results.of(id));
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
