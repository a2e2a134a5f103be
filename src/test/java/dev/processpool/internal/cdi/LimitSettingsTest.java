package dev.processpool.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.PoolOptions;
import dev.processpool.ProcessPool;
import dev.processpool.ProcessRunnable;
import dev.processpool.internal.limits.LimitValues;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The time and memory limits as options, annotation members and configured values: the notations they take, and
 * the clear errors for those they do not.
 */
class LimitSettingsTest {
    private static final ClassLoader LOADER = LimitSettingsTest.class.getClassLoader();

    @Test
    void durationsAreReadInTheShortAndTheIsoNotation() {
        assertEquals(Duration.ofSeconds(30), LimitValues.duration("30s"));
        assertEquals(Duration.ofMillis(500), LimitValues.duration("500ms"));
        assertEquals(Duration.ofMinutes(2), LimitValues.duration("2m"));
        assertEquals(Duration.ofHours(1), LimitValues.duration("1h"));
        assertEquals(Duration.ofSeconds(30), LimitValues.duration("PT30S"));
        for (String bad : new String[] {"30", "-1s", "0s", "PT0S", "soon", "3 days"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitValues.duration(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("\"30s\""), e.getMessage());
        }
    }

    @Test
    void sizesAreReadInTheJvmNotationOrAsBytes() {
        assertEquals(512L << 20, LimitValues.bytes("512m"));
        assertEquals(2L << 30, LimitValues.bytes("2g"));
        assertEquals(300000L << 10, LimitValues.bytes("300000k"));
        assertEquals(123456789L, LimitValues.bytes("123456789"));
        assertEquals(0L, LimitValues.bytes("0"));
        for (String bad : new String[] {"-1", "lots", "2x", "99999999999999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitValues.bytes(bad));
            assertTrue(e.getMessage().contains("\"512m\""), e.getMessage());
        }
    }

    @Test
    void optionsTakeTheLimitsAndShowThem() {
        PoolOptions options = PoolOptions.builder().taskTimeout(Duration.ofSeconds(3)).maxMemoryPerChild(1 << 20).build();
        assertEquals(Optional.of(Duration.ofSeconds(3)), options.taskTimeout());
        assertEquals(1 << 20, options.maxMemoryPerChild());
        assertEquals(options, options.toBuilder().build());
        assertTrue(options.toString().contains("taskTimeout=PT3S"), options.toString());
        assertTrue(options.toString().contains("maxMemoryPerChild=1048576 bytes"), options.toString());
        assertEquals(Optional.empty(), PoolOptions.defaults().taskTimeout());
        assertEquals(0, PoolOptions.defaults().maxMemoryPerChild());
        assertThrows(IllegalArgumentException.class, () -> PoolOptions.builder().taskTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> PoolOptions.builder().taskTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> PoolOptions.builder().maxMemoryPerChild(-1));
    }

    @Test
    void annotationMembersBecomeOptions() {
        ProcessPool pool = ProcessPool.Literal.of("", "spawn", 1, 0, ProcessRunnable.class)
                .withTaskTimeout("1500ms").withMaxMemoryPerChild("256m");
        PoolOptions options = PoolSettings.of(pool, "Owner.pool", LOADER).options();
        assertEquals(Optional.of(Duration.ofMillis(1500)), options.taskTimeout());
        assertEquals(256L << 20, options.maxMemoryPerChild());
    }

    @Test
    void badAnnotationMembersAreDeploymentProblemsNamingTheMember() {
        ProcessPool pool = ProcessPool.Literal.of("", "spawn", 1, 0, ProcessRunnable.class)
                .withTaskTimeout("forever").withMaxMemoryPerChild("big");
        var problems = PoolSettings.problems(pool);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).message("Owner.pool").startsWith("Invalid @ProcessPool.taskTimeout on Owner.pool:"
                + " 'forever' is not a task timeout"), problems.get(0).message("Owner.pool"));
        assertTrue(problems.get(1).message("Owner.pool").contains("'big' is not a memory limit"), problems.toString());
    }

    @Test
    void namedPoolsTakeTheLimitsFromConfigurationAndRefuseBadOnes() {
        ProcessPool pool = ProcessPool.Literal.of("limited", "spawn", 1, 0, ProcessRunnable.class).withTaskTimeout("1s");
        try {
            System.setProperty("processpool.limited.taskTimeout", "PT2S");
            System.setProperty("processpool.limited.maxMemoryPerChild", "300000k");
            PoolOptions options = PoolSettings.of(pool, "Owner.pool", LOADER).options();
            assertEquals(Optional.of(Duration.ofSeconds(2)), options.taskTimeout());
            assertEquals(300000L << 10, options.maxMemoryPerChild());

            System.setProperty("processpool.limited.taskTimeout", "2 minutes");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PoolSettings.of(pool, "Owner.pool", LOADER));
            assertTrue(e.getMessage().contains("system property processpool.limited.taskTimeout='2 minutes' is not a"
                    + " task timeout"), e.getMessage());
        } finally {
            System.clearProperty("processpool.limited.taskTimeout");
            System.clearProperty("processpool.limited.maxMemoryPerChild");
        }
    }
}
