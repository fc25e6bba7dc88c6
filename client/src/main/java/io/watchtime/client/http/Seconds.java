package io.watchtime.client.http;

import java.util.Locale;

/** Durations in messages and logs, one way: {@code 2.5 s}. */
final class Seconds {

    private Seconds() {
    }

    static String of(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
