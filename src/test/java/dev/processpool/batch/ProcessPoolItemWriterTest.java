package dev.processpool.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.TestPools;
import dev.processpool.WorkerDiedException;
import dev.processpool.internal.cdi.ProcessPoolExtension;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jberet.runtime.AbstractStepExecution;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's chunk writer {@code processPoolItemWriter} in real JBeret SE jobs on real Weld SE: chunks fan out
 * over worker processes, results reach the delegate in order, no worker outlives the job, bad properties fail the
 * job with a message that names them, and a job whose worker dies mid-chunk writes every item once when restarted.
 */
class ProcessPoolItemWriterTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    private static final Set<BatchStatus> FINAL = Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED, BatchStatus.ABANDONED);

    private static WeldContainer container;
    private static JobOperator jobs;

    /** JBeret SE takes its beans from the Weld SE container of this id, and starts one itself if none runs. */
    @BeforeAll
    static void startContainer() {
        Extension[] extensions = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get)
                .toArray(Extension[]::new);
        container = new Weld("STATIC_INSTANCE").disableDiscovery().addExtensions(extensions)
                .addBeanClasses(NumberReader.class, RecordingWriter.class, Written.class).initialize();
        jobs = BatchRuntime.getJobOperator();
    }

    @AfterAll
    static void stopContainer() {
        if (container != null) {
            container.shutdown();
        }
    }

    @Test
    void chunkItemsRunInParallelInWorkerProcessesAndReachTheDelegateInOrder() {
        long execution = jobs.start("pool-chunks", parameters("count", "30"));

        assertEquals(BatchStatus.COMPLETED, awaitFinal(execution), () -> failureOf(execution));
        List<List<Tagged>> chunks = written(execution);
        assertEquals(3, chunks.size(), "chunks written: " + chunks);
        assertEquals(IntStream.range(0, 30).boxed().toList(), items(chunks));
        long self = ProcessHandle.current().pid();
        assertTrue(chunks.stream().flatMap(List::stream).allMatch(t -> t.pid() != self),
                "every item is processed in a worker process: " + chunks);
        assertTrue(chunks.stream().anyMatch(chunk -> pids(chunk).size() > 1),
                "the items of a chunk spread over both workers: " + chunks);
        Set<Long> workers = pids(chunks.stream().flatMap(List::stream).toList());
        TestPools.await("the step's workers " + workers + " to exit after the job", Duration.ofSeconds(20),
                () -> workers.stream().noneMatch(TestPools::isAlive));
    }

    @Test
    void aFunctionClassOnTheDefaultStartMethodWritesEveryItemInOrder() {
        long execution = jobs.start("pool-chunks-configured", parameters("count", "12",
                "function", TagFunction.class.getName(), "delegate", "recordingWriter", "processes", "2"));

        assertEquals(BatchStatus.COMPLETED, awaitFinal(execution), () -> failureOf(execution));
        List<List<Tagged>> chunks = written(execution);
        assertEquals(IntStream.range(0, 12).boxed().toList(), items(chunks));
        Set<Long> workers = pids(chunks.stream().flatMap(List::stream).toList());
        assertTrue(!workers.contains(ProcessHandle.current().pid()), "processed in workers: " + workers);
        TestPools.await("the step's workers " + workers + " to exit after the job", Duration.ofSeconds(20),
                () -> workers.stream().noneMatch(TestPools::isAlive));
    }

    @Test
    void aJobWhoseWorkerDiesMidChunkWritesEveryItemExactlyOnceWhenRestarted(@TempDir Path dir) {
        Path marker = dir.resolve("killed");
        Properties parameters = parameters("count", "30", "function", BatchTasks.class.getName() + "::tagOrDieOnce",
                "delegate", "recordingWriter", "startMethod", "spawn", "processes", "2",
                "jvmOptions", "-Dbatchtest.killAt=15 -Dbatchtest.marker=" + marker);
        long first = jobs.start("pool-chunks-configured", parameters);

        assertEquals(BatchStatus.FAILED, awaitFinal(first));
        assertTrue(Files.exists(marker), "the worker at item 15 killed itself");
        assertInstanceOf(WorkerDiedException.class, stepFailure(first), () -> failureOf(first));
        assertEquals(IntStream.range(0, 10).boxed().toList(), items(written(first)),
                "the chunk whose worker died wrote nothing");

        long restarted = jobs.restart(first, new Properties());

        assertEquals(BatchStatus.COMPLETED, awaitFinal(restarted), () -> failureOf(restarted));
        assertEquals(IntStream.range(0, 30).boxed().toList(), items(written(restarted)),
                "every item written exactly once, in order");
    }

    @Test
    void aPropertyThatIsNotANumberFailsTheJobNamingItsValue() {
        assertFailsWith(parameters("processes", "two"),
                "processPoolItemWriter: batch property processes=\"two\": use a number of workers");
    }

    @Test
    void badLimitsFailTheJobNamingTheProperty() {
        assertFailsWith(parameters("taskTimeout", "soon"),
                "processPoolItemWriter: batch property taskTimeout=\"soon\": use a duration as \"30s\"");
        assertFailsWith(parameters("maxMemoryPerChild", "big"),
                "processPoolItemWriter: batch property maxMemoryPerChild=\"big\": use a size as \"512m\"");
    }

    @Test
    void anItemPastTheTaskTimeoutFailsTheStepWithinTheLimit() {
        Properties parameters = parameters("count", "5", "function", BatchTasks.class.getName() + "::tagOrHang",
                "delegate", "recordingWriter", "startMethod", "spawn", "processes", "1", "taskTimeout", "1s",
                "maxMemoryPerChild", "2g");
        long start = System.nanoTime();
        long execution = jobs.start("pool-chunks-configured", parameters);
        assertEquals(BatchStatus.FAILED, awaitFinal(execution));
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(30),
                "the hung item did not hold the step for its minute");
        assertInstanceOf(dev.processpool.TaskTimeoutException.class, stepFailure(execution),
                () -> failureOf(execution));
        assertEquals(List.of(), written(execution));
    }

    @Test
    void anUnavailableStartMethodFailsTheJobNamingTheProperty() {
        assertFailsWith(parameters("startMethod", "fork"), "processPoolItemWriter: bad pool properties");
        assertFailsWith(parameters("startMethod", "fork"), "Invalid @ProcessPool.startMethod");
    }

    @Test
    void aFunctionThatIsNoStaticMethodFailsTheJobSayingWhatIsAllowed() {
        assertFailsWith(parameters("function", BatchTasks.class.getName() + "::noSuchMethod"),
                "batch property function=\"" + BatchTasks.class.getName() + "::noSuchMethod\": "
                        + BatchTasks.class.getName() + " has no public static method noSuchMethod of one parameter");
    }

    @Test
    void aDelegateThatIsNoWriterFailsTheJob() {
        assertFailsWith(parameters("delegate", "numberReader"),
                "batch property delegate=\"numberReader\": the bean so named is a");
    }

    @Test
    void aContainerWithTheBatchApiButNoBatchRuntimeStillDeploys() {
        try (WeldContainer plain = new Weld("processpool-batch-no-runtime").disableDiscovery()
                .addExtension(new ProcessPoolExtension()).addBeanClasses(Written.class).initialize()) {
            assertEquals(1, plain.getBeanManager().getBeans("processPoolItemWriter").size(),
                    "the writer is a bean, though no batch runtime is there to serve its properties");
        }
    }

    /** Runs pool-chunks-configured with good parameters but {@code bad}; the job fails with {@code message}. */
    private static void assertFailsWith(Properties bad, String message) {
        Properties parameters = parameters("count", "5", "function", BatchTasks.class.getName() + "::tag",
                "delegate", "recordingWriter", "startMethod", "spawn", "processes", "1");
        parameters.putAll(bad);
        long execution = jobs.start("pool-chunks-configured", parameters);

        assertEquals(BatchStatus.FAILED, awaitFinal(execution));
        Exception failure = stepFailure(execution);
        assertInstanceOf(IllegalArgumentException.class, failure, () -> failureOf(execution));
        assertTrue(failure.getMessage().contains(message), "message: " + failure.getMessage());
        assertEquals(List.of(), written(execution));
    }

    private static Properties parameters(String... namesAndValues) {
        Properties parameters = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private static BatchStatus awaitFinal(long execution) {
        TestPools.await("job execution " + execution + " to end", JOB_TIMEOUT,
                () -> FINAL.contains(jobs.getJobExecution(execution).getBatchStatus()),
                () -> "status: " + jobs.getJobExecution(execution).getBatchStatus());
        return jobs.getJobExecution(execution).getBatchStatus();
    }

    private static List<List<Tagged>> written(long execution) {
        long instance = jobs.getJobInstance(execution).getInstanceId();
        return container.select(Written.class).get().chunksOf(instance);
    }

    private static List<Integer> items(List<List<Tagged>> chunks) {
        return chunks.stream().flatMap(List::stream).map(Tagged::item).toList();
    }

    private static Set<Long> pids(List<Tagged> tagged) {
        return tagged.stream().map(Tagged::pid).collect(Collectors.toSet());
    }

    /** The exception that failed the job's step (JBeret keeps it on the step execution). */
    private static Exception stepFailure(long execution) {
        List<StepExecution> steps = jobs.getStepExecutions(execution);
        return steps.isEmpty() ? null : ((AbstractStepExecution) steps.get(0)).getException();
    }

    private static String failureOf(long execution) {
        Exception failure = stepFailure(execution);
        return "step failure: " + (failure == null ? "none" : failure.toString());
    }
}
