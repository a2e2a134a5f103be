package dev.processpool.internal.workerjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lines come off a stream one at a time, and nothing after a line is consumed with it. */
class StdinLineTest {
    private static final String LONG_LINE = "x".repeat(20_000) + "é";

    private static byte[] input() {
        return (LONG_LINE + "\n/tmp/pool.sock\ttoken\nrest").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesLongerThanABlockAreReadOneAtATimeAndTheRestIsLeft() throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(input()), 8192);

        assertEquals(LONG_LINE, StdinLine.read(in));
        assertEquals("/tmp/pool.sock\ttoken", StdinLine.read(in));
        assertEquals("rest", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("", StdinLine.read(in), "the end of the input");
    }

    @Test
    void aStreamThatCannotGoBackIsReadByteByByte() throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(input());
        InputStream in = new InputStream() {
            @Override
            public int read() {
                return bytes.read();
            }
        };

        assertEquals(LONG_LINE, StdinLine.read(in));
        assertEquals("/tmp/pool.sock\ttoken", StdinLine.read(in));
        assertEquals("rest", StdinLine.read(in), "a last line without its end");
    }
}
