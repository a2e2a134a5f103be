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
