package io.watchtime.server.ratelimit;

import io.lettuce.core.ScriptOutputType;
import io.watchtime.server.redis.Fallback;
import io.watchtime.server.redis.Redis;
import io.watchtime.server.redis.RedisUnavailableException;
import io.watchtime.server.redis.Script;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * The limit across every node that shares the Redis, exactly: one sliding log per key, a sorted set of the
 * accepted requests scored by the millisecond they were accepted, which one script trims, counts and extends
 * atomically, so concurrent requests on any nodes are counted as if they had come one after another. Each log
 * expires one window after its newest request, so keys stay as many as the keys active within a window.
 *
 * <p>While Redis does not answer, each node limits alone at {@code limit / expectedNodes} (at least 1), so the
 * nodes together stay within the limit, never unlimited; a warning says so once a minute, and the node goes
 * back to Redis by itself as soon as it answers (it tries once a second). The per-node logs are not carried
 * over either way: for one window after a switch, a key may get up to its per-node share more than the limit.
 */
final class RedisRateLimiter implements RateLimiter {

    /*
     * Time is Redis's (TIME), not the node's: the nodes' clocks can differ by more than the precision the limit
     * needs, and one clock for every entry of a log is what makes "any window" the same window for all nodes.
     * Members are unique per request (node id and a counter), so two requests in one millisecond both count.
     * Returns 0 when accepted, otherwise the milliseconds until the oldest counted request leaves the window.
     */
    private static final Script SLIDING_LOG = new Script("""
            local log, limit, window = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', log, '-inf', now - window)
            if redis.call('ZCARD', log) >= limit then
              local oldest = redis.call('ZRANGE', log, 0, 0, 'WITHSCORES')
              return math.max(1, tonumber(oldest[2]) + window - now)
            end
            redis.call('ZADD', log, now, ARGV[3])
            redis.call('PEXPIRE', log, window)
            return 0
            """);

    private final Redis redis;
    private final String limit;
    private final String windowMillis;
    private final String node = UUID.randomUUID().toString();
    private final AtomicLong requests = new AtomicLong();
    private final RateLimiter perNode;
    private final Fallback fallback;

    RedisRateLimiter(Redis redis, int limit, long windowMillis, int expectedNodes, Clock clock) {
        if (limit < 1 || windowMillis < 1 || expectedNodes < 1) {
            throw new IllegalArgumentException("rate limit needs limit >= 1, a window >= 1 ms and expected-nodes >= 1");
        }
        this.redis = redis;
        this.limit = Integer.toString(limit);
        this.windowMillis = Long.toString(windowMillis);
        int share = Math.max(1, limit / expectedNodes);
        this.perNode = new InProcessRateLimiter(share, windowMillis, clock);
        this.fallback = new Fallback(LoggerFactory.getLogger(RedisRateLimiter.class), clock,
                "this node limits alone at " + share + " requests (limit " + limit + " / " + expectedNodes
                        + " expected nodes)");
    }

    @Override
    public long tryAcquire(String key) {
        String[] log = {redis.key("rate:" + key)};
        String request = node + ":" + requests.incrementAndGet();
        try {
            return redis.<Long>call(commands -> SLIDING_LOG.run(commands, ScriptOutputType.INTEGER, log,
                    limit, windowMillis, request));
        } catch (RedisUnavailableException e) {
            fallback.taken(e);
            return perNode.tryAcquire(key);
        }
    }
}
