package io.watchtime.client;

/** What a client has done so far: HTTP requests sent, of them refused by the rate limit (429), and retried. */
public record CallStats(long requests, long refused, long retried) {
}
