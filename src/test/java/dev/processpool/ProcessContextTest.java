package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code TestStartMethod} as it applies to the JVM: contexts per start method, the list of methods
 * with the default first, the default fixed by first use, {@code fork} refused with a reason.
 *
 * <p>Every test leaves the default start method as it found it (as CPython's {@code tearDownModule} restores
 * it with {@code force=True}).
 */
@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class ProcessContextTest {
    /** The system property that chooses the initial default (see {@code ContextRegistry}). */
    private static final String START_METHOD_PROPERTY = "processpool.startMethod";

    @Parameter
    String startMethod;

    private String originalDefault;

    @BeforeEach
    void rememberTheDefault() {
        originalDefault = ProcessContext.defaultStartMethod();
    }

    @AfterEach
    void restoreTheDefault() {
        ProcessContext.setDefaultStartMethod(originalDefault, true);
    }

    static int sqr(int x) {
        return x * x;
    }

    // ---- contexts

    @Test
    void ofGivesAContextReportingThatStartMethod() {
        assertEquals(startMethod, ProcessContext.of(startMethod).startMethod());
    }

    @Test
    void ofGivesTheSameInstanceOnEveryCall() {
        ProcessContext first = ProcessContext.of(startMethod);
        assertSame(first, ProcessContext.of(startMethod));
        assertSame(first, ProcessContext.of(new String(startMethod.toCharArray())));
    }

    @Test
    void defaultContextIsTheContextOfTheDefaultMethod() {
        assertSame(ProcessContext.of(ProcessContext.defaultStartMethod()), ProcessContext.defaultContext());
    }

    // ---- the list of start methods

    @Test
    void allStartMethodsContainsSpawnAndThisMethodWithoutDuplicates() {
        List<String> all = ProcessContext.allStartMethods();
        assertTrue(all.contains("spawn"), all.toString());
        assertTrue(all.contains(startMethod), all.toString());
        assertEquals(all.size(), new HashSet<>(all).size(), all.toString());
    }

    @Test
    void allStartMethodsNeverListsFork() {
        assertFalse(ProcessContext.allStartMethods().contains("fork"), ProcessContext.allStartMethods().toString());
    }

    @Test
    void allStartMethodsListsTheDefaultFirst() {
        assumeTrue(System.getProperty(START_METHOD_PROPERTY) == null,
                "the default is configured by -D" + START_METHOD_PROPERTY);
        ProcessContext.setDefaultStartMethod(null, true);
        assertEquals(ProcessContext.allStartMethods().get(0), ProcessContext.defaultStartMethod());
    }

    @Test
    void allStartMethodsCannotBeChangedByTheCaller() {
        List<String> all = ProcessContext.allStartMethods();
        assertThrows(UnsupportedOperationException.class, () -> all.add("fork"));
        assertFalse(ProcessContext.allStartMethods().contains("fork"));
    }

    // ---- refused methods

    @Test
    void forkIsRefusedSayingWhyAndListingTheAvailableMethods() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessContext.of("fork"));
        String message = e.getMessage();
        assertTrue(message.contains("'fork'"), message);
        assertTrue(message.contains("JVM"), "says why fork is unavailable: " + message);
        for (String available : ProcessContext.allStartMethods()) {
            assertTrue(message.contains(available), "lists '" + available + "': " + message);
        }
    }

    @Test
    void anUnknownMethodIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessContext.of("bogus"));
        assertTrue(e.getMessage().contains("'bogus'"), e.getMessage());
        for (String available : ProcessContext.allStartMethods()) {
            assertTrue(e.getMessage().contains(available), e.getMessage());
        }
    }

    @Test
    void unknownOrUnavailableMethodsCannotBecomeTheDefaultEvenWithForce() {
        assertThrows(IllegalArgumentException.class, () -> ProcessContext.setDefaultStartMethod("bogus", true));
        assertThrows(IllegalArgumentException.class, () -> ProcessContext.setDefaultStartMethod("fork", true));
        assertEquals(originalDefault, ProcessContext.defaultStartMethod(), "a refused method changes nothing");
    }

    // ---- the default start method

    @Test
    void theFirstQueryFixesTheDefaultSoSettingItWithoutForceThrows() {
        ProcessContext.setDefaultStartMethod(null, true);
        String fixed = ProcessContext.defaultStartMethod();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProcessContext.setDefaultStartMethod(startMethod));
        assertTrue(e.getMessage().contains("already fixed"), e.getMessage());
        assertEquals(fixed, ProcessContext.defaultStartMethod(), "the refused call changed nothing");
    }

    @Test
    void settingTheDefaultWithForceWorksWhenItIsFixed() {
        ProcessContext.defaultStartMethod();
        ProcessContext.setDefaultStartMethod(startMethod, true);
        assertEquals(startMethod, ProcessContext.defaultStartMethod());
        assertEquals(startMethod, ProcessContext.defaultContext().startMethod());
        assertSame(ProcessContext.of(startMethod), ProcessContext.defaultContext());
    }

    @Test
    void settingTheDefaultBeforeItIsFixedWorksWithoutForceAndFixesIt() {
        ProcessContext.setDefaultStartMethod(null, true);
        ProcessContext.setDefaultStartMethod(startMethod);
        assertEquals(startMethod, ProcessContext.defaultStartMethod());
        assertThrows(IllegalStateException.class, () -> ProcessContext.setDefaultStartMethod(startMethod));
    }

    @Test
    void settingNullWithForceUnfixesTheDefault() {
        ProcessContext.setDefaultStartMethod(startMethod, true);
        ProcessContext.setDefaultStartMethod(null, true);
        // Unfixed again: a plain set is accepted, as after Python's set_start_method(None, force=True).
        ProcessContext.setDefaultStartMethod(startMethod);
        assertEquals(startMethod, ProcessContext.defaultStartMethod());
    }

    // ---- pools of a context

    @Test
    void aPoolReportsTheStartMethodOfItsContextAndRuns() throws InterruptedException {
        ProcessContext.setDefaultStartMethod(startMethod, true);
        Pool pool = ProcessContext.defaultContext().newPool(PoolOptions.builder().processes(1).build());
        try {
            assertEquals(startMethod, pool.startMethod());
            assertEquals(1, pool.processes());
            assertEquals(49, pool.apply(ProcessContextTest::sqr, 7));
        } finally {
            pool.close();
        }
        pool.join();
    }
}
