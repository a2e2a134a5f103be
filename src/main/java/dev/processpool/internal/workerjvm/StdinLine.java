package dev.processpool.internal.workerjvm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A started process learns what it needs (where to connect, its key) from one line on its standard input,
 * never from its command line, which other users can read.
 */
public final class StdinLine {
    private StdinLine() {
    }

    private static final int BLOCK_BYTES = 8192;

    /**
     * The next line, without its end; empty when the input ends first. Read a block at a time where the stream
     * can go back (a JVM's {@code System.in} can), so that nothing after the line is consumed: a line of a class
     * path read byte by byte costs tens of ms in a JVM that has not compiled the loop yet.
     */
    public static String read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        if (!in.markSupported()) {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.UTF_8);
        }
        byte[] block = new byte[BLOCK_BYTES];
        while (true) {
            in.mark(BLOCK_BYTES);
            int read = in.read(block);
            if (read < 0) {
                return line.toString(StandardCharsets.UTF_8);
            }
            for (int i = 0; i < read; i++) {
                if (block[i] == '\n') {
                    line.write(block, 0, i);
                    in.reset();
                    in.skipNBytes(i + 1);
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
            line.write(block, 0, read);
        }
    }
}
