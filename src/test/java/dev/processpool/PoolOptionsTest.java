package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PoolOptions}: defaults, the bounds the builder enforces (CPython's {@code Pool(0)}, {@code Pool(-1)},
 * bad {@code maxtasksperchild}), immutability and {@code toString}. No pool is started here.
 */
class PoolOptionsTest {

    /** An initializer that travels by name; never run here. */
    static void noOpInitializer() {
    }

    // ---- defaults

    @Test
    void defaultsUseOneWorkerPerProcessorUnlimitedTasksAndNothingElse() {
        PoolOptions defaults = PoolOptions.defaults();
        assertAll(
                () -> assertEquals(Runtime.getRuntime().availableProcessors(), defaults.processes()),
                () -> assertEquals(0, defaults.maxTasksPerChild()),
                () -> assertEquals(PoolOptions.UNLIMITED_TASKS, defaults.maxTasksPerChild()),
                () -> assertEquals(Optional.empty(), defaults.initializer()),
                () -> assertEquals(List.of(), defaults.jvmOptions()),
                () -> assertEquals(Optional.empty(), defaults.javaExecutable()),
                () -> assertFalse(defaults.inheritEnvironment()),
                () -> assertTrue(defaults.environment().isEmpty()));
    }

    @Test
    void anEmptyBuilderBuildsTheDefaults() {
        assertEquals(PoolOptions.defaults(), PoolOptions.builder().build());
        assertEquals(PoolOptions.defaults().hashCode(), PoolOptions.builder().build().hashCode());
    }

    @Test
    void defaultsAreTheSameEveryCall() {
        assertSame(PoolOptions.defaults(), PoolOptions.defaults());
    }

    // ---- bounds

    @Test
    void processesBelowOneAreRefusedAtOnceWithTheValueInTheMessage() {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            PoolOptions.Builder builder = PoolOptions.builder();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.processes(bad));
            assertTrue(e.getMessage().contains("processes must be at least 1"), e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }

    @Test
    void processesOfOneOrMoreAreKept() {
        assertEquals(1, PoolOptions.builder().processes(1).build().processes());
        int ceiling = dev.processpool.internal.config.ProcessCeiling.value();   // the most a pool may have
        assertEquals(ceiling, PoolOptions.builder().processes(ceiling).build().processes());
    }

    @Test
    void negativeMaxTasksPerChildIsRefusedAtOnceWithTheValueInTheMessage() {
        for (int bad : new int[] {-1, -12, Integer.MIN_VALUE}) {
            PoolOptions.Builder builder = PoolOptions.builder();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> builder.maxTasksPerChild(bad));
            assertTrue(e.getMessage().contains("maxTasksPerChild"), e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }

    @Test
    void maxTasksPerChildZeroMeansUnlimitedAndPositiveValuesAreKept() {
        assertEquals(PoolOptions.UNLIMITED_TASKS, PoolOptions.builder().maxTasksPerChild(0).build().maxTasksPerChild());
        assertEquals(1, PoolOptions.builder().maxTasksPerChild(1).build().maxTasksPerChild());
        assertEquals(500, PoolOptions.builder().maxTasksPerChild(500).build().maxTasksPerChild());
    }

    @Test
    void jvmOptionsMustEachStartWithADashAndTheMessageNamesTheBadOne() {
        for (String bad : new String[] {"Xmx256m", "", "   ", null}) {
            PoolOptions.Builder builder = PoolOptions.builder();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> builder.jvmOptions("-Xmx256m", bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> PoolOptions.builder().jvmOptions((String[]) null));
    }

    @Test
    void aRefusedValueLeavesTheBuilderAsItWas() {
        PoolOptions.Builder builder = PoolOptions.builder().processes(3).maxTasksPerChild(7).jvmOptions("-Xmx64m");
        assertThrows(IllegalArgumentException.class, () -> builder.processes(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxTasksPerChild(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.jvmOptions("oops"));
        PoolOptions options = builder.build();
        assertEquals(3, options.processes());
        assertEquals(7, options.maxTasksPerChild());
        assertEquals(List.of("-Xmx64m"), options.jvmOptions());
    }

    @Test
    void environmentNamesMustBeNonEmptyWithoutEqualsSignAndValuesNonNull() {
        for (String bad : new String[] {"", "A=B", null}) {
            PoolOptions.Builder builder = PoolOptions.builder();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> builder.environment(bad, "value"));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> PoolOptions.builder().environment("NAME", null));
        assertTrue(e.getMessage().contains("NAME"), e.getMessage());
    }

    @Test
    void aNameIsKeptAndANameAJmxOrConfigurationKeyCouldNotCarryIsRefused() {
        assertEquals(Optional.of("thumbnails-2.v1_a"), PoolOptions.builder().name("thumbnails-2.v1_a").build().name());
        assertEquals(Optional.empty(), PoolOptions.builder().name(null).build().name());
        assertEquals(Optional.empty(), PoolOptions.defaults().name());
        for (String bad : new String[] {"", " ", "a,b", "type=Pool", "a:b", "*", "\"q\"", "a b"}) {
            PoolOptions.Builder builder = PoolOptions.builder();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.name(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertNotEquals(PoolOptions.builder().name("a").build(), PoolOptions.builder().name("b").build());
        assertEquals("a", PoolOptions.builder().name("a").build().toBuilder().build().name().orElseThrow());
    }

    @Test
    void javaExecutableMustNotBeNull() {
        assertThrows(NullPointerException.class, () -> PoolOptions.builder().javaExecutable(null));
    }

    @Test
    void aNullInitializerMeansNone() {
        assertEquals(Optional.empty(), PoolOptions.builder().initializer(null).build().initializer());
    }

    // ---- immutability

    @Test
    void jvmOptionsAndEnvironmentCannotBeChangedThroughTheAccessors() {
        PoolOptions options = PoolOptions.builder().jvmOptions("-Xmx64m").environment("A", "1").build();
        assertThrows(UnsupportedOperationException.class, () -> options.jvmOptions().add("-Xss1m"));
        assertThrows(UnsupportedOperationException.class, () -> options.jvmOptions().clear());
        assertThrows(UnsupportedOperationException.class, () -> options.environment().put("B", "2"));
        assertThrows(UnsupportedOperationException.class, () -> options.environment().clear());
        assertEquals(List.of("-Xmx64m"), options.jvmOptions());
        assertEquals(java.util.Map.of("A", "1"), options.environment());
    }

    @Test
    void changingTheArrayPassedToJvmOptionsAfterwardsChangesNothing() {
        String[] given = {"-Xmx64m", "-Xss1m"};
        PoolOptions options = PoolOptions.builder().jvmOptions(given).build();
        given[0] = "-Xmx8g";
        assertEquals(List.of("-Xmx64m", "-Xss1m"), options.jvmOptions());
    }

    @Test
    void usingTheBuilderAgainAfterBuildDoesNotChangeBuiltOptions() {
        PoolOptions.Builder builder = PoolOptions.builder().processes(2).environment("A", "1");
        PoolOptions first = builder.build();
        builder.processes(5).maxTasksPerChild(3).environment("B", "2").jvmOptions("-Xmx64m")
                .inheritEnvironment(true);
        assertAll(
                () -> assertEquals(2, first.processes()),
                () -> assertEquals(0, first.maxTasksPerChild()),
                () -> assertEquals(java.util.Map.of("A", "1"), first.environment()),
                () -> assertEquals(List.of(), first.jvmOptions()),
                () -> assertFalse(first.inheritEnvironment()));
        PoolOptions second = builder.build();
        assertEquals(5, second.processes());
        assertNotEquals(first, second);
    }

    @Test
    void toBuilderStartsFromTheOptionsWithoutChangingThem() {
        ProcessRunnable init = PoolOptionsTest::noOpInitializer;
        PoolOptions original = PoolOptions.builder().processes(3).maxTasksPerChild(10).initializer(init)
                .jvmOptions("-Xmx64m").javaExecutable(Path.of("/opt/java/bin/java")).inheritEnvironment(true)
                .environment("A", "1").build();
        PoolOptions copy = original.toBuilder().build();
        assertEquals(original, copy);
        assertEquals(original.hashCode(), copy.hashCode());
        assertSame(init, copy.initializer().orElseThrow());

        PoolOptions changed = original.toBuilder().processes(4).environment("B", "2").build();
        assertEquals(4, changed.processes());
        assertEquals(3, original.processes());
        assertEquals(java.util.Map.of("A", "1"), original.environment());
        assertEquals(java.util.Map.of("A", "1", "B", "2"), changed.environment());
    }

    // ---- toString

    @Test
    void toStringShowsEveryOption() {
        PoolOptions options = PoolOptions.builder().processes(3).maxTasksPerChild(10)
                .initializer(PoolOptionsTest::noOpInitializer).jvmOptions("-Xmx64m", "-Xss1m")
                .javaExecutable(Path.of("/opt/java/bin/java")).inheritEnvironment(true)
                .environment("TOKEN_NAME", "s3cret").build();
        String text = options.toString();
        assertAll(
                () -> assertTrue(text.contains("processes=3"), text),
                () -> assertTrue(text.contains("maxTasksPerChild=10"), text),
                () -> assertTrue(text.contains("initializer=dev.processpool.PoolOptionsTest"), text),
                () -> assertTrue(text.contains("jvmOptions=[-Xmx64m, -Xss1m]"), text),
                () -> assertTrue(text.contains("javaExecutable=" + Path.of("/opt/java/bin/java")), text),
                () -> assertTrue(text.contains("inheritEnvironment=true"), text),
                () -> assertTrue(text.contains("TOKEN_NAME"), text));
    }

    @Test
    void toStringNamesEnvironmentVariablesButNotTheirValues() {
        String text = PoolOptions.builder().environment("DB_PASSWORD", "s3cret").build().toString();
        assertTrue(text.contains("DB_PASSWORD"), text);
        assertFalse(text.contains("s3cret"), text);
    }

    @Test
    void toStringOfTheDefaultsSaysAutoUnlimitedAndNone() {
        String text = PoolOptions.defaults().toString();
        int cpus = Runtime.getRuntime().availableProcessors();
        assertAll(
                () -> assertTrue(text.contains("processes=auto(" + cpus + ")"), text),
                () -> assertTrue(text.contains("maxTasksPerChild=unlimited"), text),
                () -> assertTrue(text.contains("initializer=none"), text),
                () -> assertTrue(text.contains("jvmOptions=[]"), text),
                () -> assertTrue(text.contains("javaExecutable="), text),
                () -> assertTrue(text.contains("inheritEnvironment=false"), text),
                () -> assertTrue(text.contains("environment=[]"), text));
    }

    // ---- equality

    @Test
    void optionsWithTheSameValuesAreEqualAndDifferentOnesAreNot() {
        PoolOptions a = PoolOptions.builder().processes(2).maxTasksPerChild(5).jvmOptions("-Xmx64m").build();
        PoolOptions b = PoolOptions.builder().processes(2).maxTasksPerChild(5).jvmOptions("-Xmx64m").build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, PoolOptions.builder().processes(3).maxTasksPerChild(5).jvmOptions("-Xmx64m").build());
        assertNotEquals(a, PoolOptions.builder().processes(2).maxTasksPerChild(6).jvmOptions("-Xmx64m").build());
        assertNotEquals(a, PoolOptions.builder().processes(2).maxTasksPerChild(5).build());
    }
}
