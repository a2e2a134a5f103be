package dev.processpool.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures travel as JSON written by hand and read with JSON-P: the shape JSON-B wrote, without JSON-B. */
class FailureJsonTest {

    @Test
    void aFailureWithItsCausesAndFramesComesBackAsItWas() {
        Exception thrown = new IllegalStateException("quote \" backslash \\ newline \n tab \t é \u0001",
                new RuntimeException((String) null, new Error("root")));
        RemoteFailure failure = RemoteFailure.of(thrown);

        RemoteFailure back = RemoteFailure.fromJson(failure.toJson());

        assertEquals(failure, back);
        assertEquals(null, back.cause().message());
        assertEquals("root", back.cause().cause().message());
        assertFalse(back.frames().isEmpty());
    }

    @Test
    void aFrameWithoutFileOrLineComesBackAsItWas() {
        RemoteFailure failure = new RemoteFailure("x.Boom", "m", List.of(new RemoteFailure.Frame("x.A", "run", null, -2)), null);
        assertEquals(failure, RemoteFailure.fromJson(failure.toJson()));
        RemoteFailure noFrames = new RemoteFailure("x.Boom", null, null, null);
        assertEquals(noFrames, RemoteFailure.fromJson(noFrames.toJson()));
    }

    @Test
    void theFailuresOfAChunkComeBackWithTheirIndexes() {
        List<ItemFailure> failures = List.of(new ItemFailure(3, RemoteFailure.of(new ArithmeticException("/ by zero"))),
                new ItemFailure(7, RemoteFailure.of(new IllegalArgumentException())));

        assertEquals(failures, ItemFailure.fromJson(ItemFailure.toJson(failures)));
        assertEquals(List.of(), ItemFailure.fromJson(ItemFailure.toJson(List.of())));
    }

    @Test
    void jsonInTheShapeJsonbWroteIsRead() {
        String json = "[{\"index\":1,\"failure\":{\"message\":\"m\",\"className\":\"x.E\",\"frames\":[{\"methodName\":\"f\","
                + "\"lineNumber\":12,\"fileName\":\"A.java\",\"className\":\"x.A\"}],\"cause\":null}}]";

        assertEquals(List.of(new ItemFailure(1, new RemoteFailure("x.E", "m", List.of(new RemoteFailure.Frame("x.A", "f",
                "A.java", 12)), null))), ItemFailure.fromJson(json));
    }

    @Test
    void jsonThatIsNoFailureIsAJsonErrorThatSaysWhatWasExpected() {
        assertThrows(JsonException.class, () -> ItemFailure.fromJson("{\"index\":1}"));
        JsonException noIndex = assertThrows(JsonException.class, () -> ItemFailure.fromJson("[{\"failure\":null}]"));
        assertTrue(noIndex.getMessage().contains("integer"), noIndex.getMessage());
        JsonException badName = assertThrows(JsonException.class, () -> RemoteFailure.fromJson("{\"className\":3}"));
        assertTrue(badName.getMessage().contains("className"), badName.getMessage());
        assertThrows(JsonException.class, () -> RemoteFailure.fromJson("{\"className\":"));
    }

    /** In a JVM of its own, since this one may have started JSON-B for other tests. */
    @Test
    void failuresTravelWithoutStartingJsonb() throws Exception {
        assertEquals("round trip true, JSON-B seen false" + System.lineSeparator(), ChildJvm.run(FailureRoundTrip.class));
    }

    /** Writes and reads a failure, then says whether that needed JSON-B. */
    static final class FailureRoundTrip {
        public static void main(String[] args) {
            List<ItemFailure> failures = List.of(new ItemFailure(0, RemoteFailure.of(new Exception("x"))));
            boolean same = failures.equals(ItemFailure.fromJson(ItemFailure.toJson(failures)));
            System.out.println("round trip " + same + ", JSON-B seen " + JsonbUse.seen());
        }
    }
}
