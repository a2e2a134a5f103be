package dev.processpool.sample.second;

import java.util.Locale;

/** The work the second application sends to its workers. */
public final class Letters {
    private Letters() {
    }

    public static Lettered upper(String text) {
        return new Lettered(text, text.toUpperCase(Locale.ROOT), ProcessHandle.current().pid());
    }
}
