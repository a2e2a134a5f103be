package dev.processpool.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A value only JSON-B can write marks this JVM as one whose forkserver workers should warm JSON-B up. */
class JsonbUseTest {
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
}
