package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** A worker JVM that refuses to start is reported with what it said, every time, whatever the start method. */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class RefusedJvmOptionTest {
    private static final int RUNS = 20;

    @Parameter
    String startMethod;

    static int one(int x) {
        return 1;
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t).append(" | ");
        }
        return all.toString();
    }

    /** The pool's failure: at creation, or at its first task once it broke. */
    private String failureOfAPoolWithABadOption() throws Exception {
        PoolOptions options = PoolOptions.builder().processes(1).jvmOptions("-XX:+NoSuchFlag").build();
        return CompletableFuture.supplyAsync(() -> {
            try (Pool pool = ProcessContext.of(startMethod).newPool(options)) {
                pool.apply(RefusedJvmOptionTest::one, 1);
                return null;
            } catch (RuntimeException e) {
                return messages(e);
            }
        }).get(120, TimeUnit.SECONDS);
    }

    @Test
    void theRefusedOptionIsNamedInTheErrorOnEveryOneOfTwentyRuns() throws Exception {
        for (int run = 1; run <= RUNS; run++) {
            String failure = failureOfAPoolWithABadOption();
            if (failure == null) {
                fail("run " + run + ": a pool whose JVM option is refused ran a task");
            }
            assertTrue(failure.contains("Unrecognized VM option 'NoSuchFlag'"), "run " + run + ": " + failure);
        }
    }
}
