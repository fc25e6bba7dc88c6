package io.watchtime.client;

import java.time.Duration;

/** The server's limit per account and endpoint, which the client keeps to: at most {@code requests} in any {@code window}. */
public record RateLimit(int requests, Duration window) {

    /** The documented limit: 1000 requests in any 10 seconds (10秒1000次). */
    public static final RateLimit DEFAULT = new RateLimit(1000, Duration.ofSeconds(10));

    public RateLimit {
        if (requests < 1 || window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request in a window of at least 1 ms");
        }
    }
}
