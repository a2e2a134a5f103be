package dev.processpool.internal.launch;

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

    /** The next line, without its end; empty when the input ends first. */
    public static String read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
