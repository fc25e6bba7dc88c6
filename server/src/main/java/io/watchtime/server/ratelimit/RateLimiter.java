package io.watchtime.server.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} accepted requests per key in any window of {@code windowMillis}: an exact sliding
 * log, so a client that paces itself at the limit is never refused. Each key keeps the times of its last
 * {@code limit} accepted requests in a ring (8 bytes a slot), and refused requests do not count.
 */
public final class RateLimiter {

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Log> logs = new ConcurrentHashMap<>();

    public RateLimiter(int limit, long windowMillis, Clock clock) {
        if (limit < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("rate limit needs limit >= 1 and a window >= 1 ms");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** 0 when accepted (and counted), otherwise the milliseconds until a request would be accepted. */
    public long tryAcquire(String key) {
        Log log = logs.computeIfAbsent(key, k -> new Log(limit));
        synchronized (log) {
            return log.tryAdd(clock.millis(), windowMillis); // read under the lock: the ring stays in time order
        }
    }

    private static final class Log {
        private final long[] accepted;
        private int next;
        private int size;

        Log(int limit) {
            this.accepted = new long[limit];
        }

        long tryAdd(long now, long windowMillis) {
            if (size == accepted.length) {
                long oldest = accepted[next];
                long freeAt = oldest + windowMillis;
                if (freeAt > now) {
                    return freeAt - now;
                }
            } else {
                size++;
            }
            accepted[next] = now;
            next = (next + 1) % accepted.length;
            return 0;
        }
    }
}
