package io.watchtime.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A call that did not succeed: the HTTP status (0 when no answer came), the server's {@code msg} (or what
 * went wrong on the way) and, when the server said so, how long to wait before trying again.
 */
public class WatchtimeException extends RuntimeException {

    private final int status;
    private final String msg;
    private final Duration retryAfter;

    public WatchtimeException(int status, String msg, Duration retryAfter, Throwable cause) {
        super(status == 0 ? msg : "HTTP " + status + ": " + msg, cause);
        this.status = status;
        this.msg = msg;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when the server never answered (connection refused, timeout). */
    public int status() {
        return status;
    }

    /** The server's {@code msg}, or a description of the failure when there was no answer. */
    public String msg() {
        return msg;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
