package dev.processpool.internal.worker;

import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.codec.ValueCodec;
import java.util.List;

/**
 * A reserve worker's warm-up before it is handed out: loads the classes to preload and runs the JSON code
 * paths once, so its first task does not pay for them. Asked for by the system property {@value #PROPERTY},
 * a comma-separated list of further classes to load ({@code "-"} for none).
 */
final class Warmup {
    static final String PROPERTY = WorkerMain.PRELOAD_PROPERTY;

    private Warmup() {
    }

    static void runIfAsked() {
        String classes = System.getProperty(PROPERTY);
        if (classes == null) {
            return;
        }
        for (String name : classes.split(",")) {
            if (!name.isBlank() && !"-".equals(name)) {
                try {
                    Class.forName(name.trim());
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class to preload that is not there only costs its preloading
                }
            }
        }
        ValueCodec codec = new ValueCodec(Integer.class);
        try {
            codec.decode(codec.encode(List.of(1, 2, 3)), Warmup.class.getClassLoader());
            new ValueCodec(Object.class).encode(List.of("warm", 1.5));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        ItemFailure.fromJson(ItemFailure.toJson(List.of(new ItemFailure(0, RemoteFailure.of(new Exception("warm"))))));
    }
}
