package io.watchtime.server.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} accepted requests per key in any window of {@code windowMillis}: an exact sliding
 * log, so a client that paces itself at the limit is never refused. Each key keeps the times of the requests
 * it had accepted within the window in a ring (8 bytes a slot) that grows with use up to {@code limit}, so a
 * generous limit costs memory only when it is used. Refused requests do not count. One node's alone: the limit
 * without Redis, and each node's share of it while Redis does not answer.
 */
public final class InProcessRateLimiter implements RateLimiter {

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Log> logs = new ConcurrentHashMap<>();

    public InProcessRateLimiter(int limit, long windowMillis, Clock clock) {
        if (limit < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("rate limit needs limit >= 1 and a window >= 1 ms");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    @Override
    public long tryAcquire(String key) {
        Log log = logs.computeIfAbsent(key, k -> new Log());
        synchronized (log) {
            return log.tryAdd(clock.millis(), windowMillis, limit); // read under the lock: the ring stays in time order
        }
    }

    private static final class Log {
        private long[] accepted = new long[16];
        private int oldest;
        private int size;

        long tryAdd(long now, long windowMillis, int limit) {
            while (size > 0 && accepted[oldest] + windowMillis <= now) {
                oldest = (oldest + 1) % accepted.length;
                size--;
            }
            if (size >= limit) {
                return accepted[oldest] + windowMillis - now;
            }
            if (size == accepted.length) {
                grow(limit);
            }
            accepted[(oldest + size) % accepted.length] = now;
            size++;
            return 0;
        }

        private void grow(int limit) {
            long[] larger = new long[(int) Math.min(limit, 2L * accepted.length)];
            for (int i = 0; i < size; i++) {
                larger[i] = accepted[(oldest + i) % accepted.length];
            }
            accepted = larger;
            oldest = 0;
        }
    }
}
