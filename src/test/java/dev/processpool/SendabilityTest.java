package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What cannot be sent is refused at submission with IllegalArgumentException naming the type; nothing else is
 * lost: the pool goes on and a task already running finishes.
 */
class SendabilityTest extends SharedPoolTest {
    private final int offset = 10;

    static int slowIdentity(int x) throws InterruptedException {
        Thread.sleep(300);
        return x;
    }

    private void assertRefused(String expectedInMessage, Runnable submission) {
        CompletableFuture<Integer> running = pool.applyAsync(SendabilityTest::slowIdentity, 7);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, submission::run);
        assertTrue(refused.getMessage().contains(expectedInMessage), refused.getMessage());
        assertEquals(7, running.orTimeout(30, TimeUnit.SECONDS).join(), "the task already running finishes");
        assertEquals(List.of(1, 2), pool.map((Integer x) -> x, List.of(1, 2)), "the pool goes on");
    }

    @Test
    void lambdaCapturingThisIsRefusedNamingTheEnclosingClass() {
        assertRefused("captures 'this' (dev.processpool.SendabilityTest)",
                () -> pool.apply((Integer x) -> x + offset, 1));
    }

    @Test
    void lambdaCapturingASocketIsRefusedNamingTheType() {
        Socket socket = new Socket();
        assertRefused("java.net.Socket", () -> pool.apply((Integer x) -> socket.isClosed() ? x : 0, 1));
    }

    @Test
    void inputThatIsAThreadIsRefusedNamingTheType() {
        assertRefused("java.lang.Thread", () -> pool.apply((Object x) -> 1, new Thread()));
    }

    @Test
    void inputThatIsAPlainLambdaIsRefused() {
        Function<Integer, Integer> notData = x -> x;
        assertRefused("lambda", () -> pool.apply((Object x) -> 1, notData));
    }

    @Test
    void oneBadInputInAMapRefusesTheWholeCallBeforeAnythingIsSent() {
        List<Object> inputs = List.of(1, 2, new Object() {
        }, 4);
        assertRefused("cannot send the inputs of map", () -> pool.map((Object x) -> 1, inputs));
    }

    @Test
    void anonymousFunctionClassIsRefusedWithWhatToDoInstead() {
        ProcessFunction<Integer, Integer> anonymous = new ProcessFunction<>() {
            @Override
            public Integer apply(Integer input) {
                return input;
            }
        };
        assertRefused("use a lambda, a method reference or a top-level class", () -> pool.apply(anonymous, 1));
    }

    @Test
    void nullFunctionIsRefused() {
        assertRefused("function is null", () -> pool.apply(null, 1));
    }

    /** A class JSON-B cannot read back: no no-argument constructor and no creator. */
    public static final class Opaque {
        private final int value;

        public Opaque(int value) {
            this.value = value;
        }

        public int getValue() {
            return value;
        }
    }

    @Test
    void inputJsonBCannotReadBackIsRefusedNamingTheType() {
        assertRefused(Opaque.class.getName(), () -> pool.apply((Opaque o) -> o.getValue(), new Opaque(3)));
    }
}
