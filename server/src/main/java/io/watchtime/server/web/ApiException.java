package io.watchtime.server.web;

/** A failure to answer as {@code {"code":status,"msg":message,"data":null}} with the same HTTP status. */
public class ApiException extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    public ApiException(int status, String message) {
        this(status, message, 0);
    }

    public ApiException(int status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Seconds for a {@code Retry-After} header; 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
