package io.watchtime.server.ratelimit;

/**
 * At most a number of accepted requests per key in any window, as an exact sliding log: only accepted requests
 * count, and a request is accepted again exactly one window after the oldest one still counted.
 */
public interface RateLimiter {

    /** 0 when accepted (and counted), otherwise the milliseconds until a request would be accepted. */
    long tryAcquire(String key);
}
