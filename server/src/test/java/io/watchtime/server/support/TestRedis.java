package io.watchtime.server.support;

import io.lettuce.core.api.sync.RedisCommands;
import io.watchtime.server.redis.Redis;
import io.watchtime.server.redis.RedisUnavailableException;
import io.watchtime.server.settings.WatchtimeProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local Redis (127.0.0.1:6379, nothing kept on disk) for tests, each under a key prefix of its own so that
 * tests never see each other's keys; everything written expires. A Redis that does not answer fails the test
 * loudly with what to do, it is never skipped. As a field ({@code @RegisterExtension}), it hands out the
 * connections of a test's nodes and closes them after each test.
 */
public final class TestRedis implements AfterEachCallback {

    public static final String URL = "redis://127.0.0.1:6379";
    /** Nothing listens here: a Redis that never answers. */
    private static final String CLOSED_PORT_URL = "redis://127.0.0.1:1";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String prefix = freshPrefix();
    private final List<Redis> opened = new ArrayList<>();

    /** The key prefix of this test's nodes. */
    public String prefix() {
        return prefix;
    }

    /** A connection of its own to the local Redis, as each node has one. */
    public Redis node() {
        return opened(connect(prefix));
    }

    /** A node's connection to a Redis that never answers. */
    public Redis unreachable() {
        return opened(Redis.of(settings(CLOSED_PORT_URL, prefix)));
    }

    /** A node's connection to the Redis at {@code url}, e.g. a {@link RedisProcess}. */
    public Redis at(String url) {
        return opened(Redis.of(settings(url, prefix)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(Redis::close);
        opened.clear();
    }

    private Redis opened(Redis redis) {
        opened.add(redis);
        return redis;
    }

    public static String freshPrefix() {
        return "wt-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    public static WatchtimeProperties.Redis settings(String url, String keyPrefix) {
        return new WatchtimeProperties.Redis(url, TIMEOUT, keyPrefix);
    }

    /** A connection to the local Redis; fails when Redis does not answer. */
    public static Redis connect(String keyPrefix) {
        Redis redis = Redis.of(settings(URL, keyPrefix));
        try {
            redis.call(RedisCommands::ping);
        } catch (RedisUnavailableException e) {
            redis.close();
            throw new AssertionError(e.getMessage() + ". The Redis tests need the local Redis; start it with: "
                    + "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no "
                    + "(or run .ci/run, which does)", e);
        }
        return redis;
    }
}
