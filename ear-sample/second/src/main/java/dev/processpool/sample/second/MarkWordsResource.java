package dev.processpool.sample.second;

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

/** The {@code mark-words} batch job (the library's {@code processPoolItemWriter}): started, read and restarted. */
@Path("jobs/mark-words")
@Produces(MediaType.APPLICATION_JSON)
public class MarkWordsResource {
    static final String JOB = "mark-words";

    @Inject
    MarkedWords marked;

    public record Started(long executionId) {
    }

    public record Execution(long executionId, long instanceId, String batchStatus, String exitStatus,
            List<String> written) {
    }

    /** {@code POST /api/jobs/mark-words?count=40}: starts marking {@code count} words. */
    @POST
    public Started start(@QueryParam("count") int count) {
        Properties parameters = new Properties();
        parameters.setProperty("count", Integer.toString(count));
        return new Started(operator().start(JOB, parameters));
    }

    /** {@code GET /api/jobs/mark-words/{id}}: the execution's status and what its job instance has written. */
    @GET
    @Path("{id}")
    public Execution execution(@PathParam("id") long id) {
        JobOperator operator = operator();
        JobExecution execution = operator.getJobExecution(id);
        long instanceId = operator.getJobInstance(id).getInstanceId();
        return new Execution(id, instanceId, execution.getBatchStatus().name(), execution.getExitStatus(),
                marked.of(instanceId));
    }

    /** {@code POST /api/jobs/mark-words/{id}/restart}: restarts a failed execution from its last checkpoint. */
    @POST
    @Path("{id}/restart")
    public Started restart(@PathParam("id") long id) {
        return new Started(operator().restart(id, operator().getParameters(id)));
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
