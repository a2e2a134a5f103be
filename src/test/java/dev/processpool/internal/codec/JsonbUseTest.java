package dev.processpool.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.processpool.ProcessFunction;
import dev.processpool.internal.classloading.LoaderRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A value only JSON-B can write marks this JVM as one whose forkserver workers should warm JSON-B up. */
public class JsonbUseTest {
    public static final class Bean {
        public String name;
    }

    @Test
    void aValueThatNeedsJsonbMarksItUsed() throws Exception {
        Bean bean = new Bean();
        bean.name = "x";
        ValueCodec beans = new ValueCodec(Bean.class);
        List<Object> back = beans.decode(beans.encode(List.of(bean)), getClass().getClassLoader());
        assertEquals("x", ((Bean) back.get(0)).name);
        assertTrue(JsonbUse.seen());
    }

    public record Point(int x, String label) {
    }

    /** Their sendability check too: it once made a round trip through JSON-B for each new record type. */
    @Test
    void plainRecordsTravelWithoutStartingJsonb() throws Exception {
        assertEquals("round trip true, JSON-B seen false" + System.lineSeparator(), ChildJvm.run(RecordRoundTrip.class));
    }

    /** A function class without state: it travels as its class name and {@code {}}. */
    public static final class Doubler implements ProcessFunction<Integer, Integer> {
        private static final int FACTOR = 2;

        @Override
        public Integer apply(Integer x) {
            return x * FACTOR;
        }
    }

    /** A function class with state, which JSON-B carries. */
    public static final class Scaler implements ProcessFunction<Integer, Integer> {
        public int factor = 3;

        @Override
        public Integer apply(Integer x) {
            return x * factor;
        }
    }

    @Test
    void statelessFunctionClassesTravelWithoutStartingJsonb() throws Exception {
        assertEquals("10 true, JSON-B seen false; with state 9, JSON-B seen true" + System.lineSeparator(),
                ChildJvm.run(FunctionRoundTrip.class));
    }

    /** Sends a stateless function object, then one with state, and says when JSON-B was needed. */
    static final class FunctionRoundTrip {
        public static void main(String[] args) throws Exception {
            TaskEncoder encoder = new TaskEncoder(LoaderRegistry.INSTANCE::idOf);
            TaskDecoder decoder = new TaskDecoder(id -> FunctionRoundTrip.class.getClassLoader());
            String code = encoder.encode(new Doubler()).code();
            Object doubled = decoder.decode(code).apply(5);
            boolean plainState = code.contains("\"state\":\"{}\"");
            String first = doubled + " " + plainState + ", JSON-B seen " + JsonbUse.seen();
            Scaler scaler = new Scaler();
            scaler.factor = 3;
            Object scaled = decoder.decode(encoder.encode(scaler).code()).apply(3);
            System.out.println(first + "; with state " + scaled + ", JSON-B seen " + JsonbUse.seen());
        }
    }

    /**
     * Checks, writes and reads plain records as a map's inputs are, and one captured by a task, then says whether
     * that needed JSON-B.
     */
    static final class RecordRoundTrip {
        public static void main(String[] args) throws Exception {
            List<Point> points = List.of(new Point(1, "a"), new Point(2, null));
            points.forEach(point -> Sendability.check(point, "input"));
            ValueCodec codec = new ValueCodec(Point.class);
            boolean same = points.equals(codec.decode(codec.encode(points), RecordRoundTrip.class.getClassLoader()));
            Point captured = new Point(3, "c");
            ProcessFunction<Integer, Integer> plus = x -> x + captured.x();
            String code = new TaskEncoder(LoaderRegistry.INSTANCE::idOf).encode(plus).code();
            same &= Integer.valueOf(5).equals(new TaskDecoder(id -> RecordRoundTrip.class.getClassLoader()).decode(code).apply(2));
            System.out.println("round trip " + same + ", JSON-B seen " + JsonbUse.seen());
        }
    }
}
