package io.watchtime.server.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.watchtime.server.settings.WatchtimeProperties;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one connection to the Redis that {@code watchtime.redis.url} names, or none when it is empty. One is
 * enough: Lettuce's connection is thread-safe and pipelines the commands of concurrent requests. It is made on
 * first use and made again when it was lost, so a node starts, and comes back to Redis, whenever Redis answers.
 * After a failure only one call a second tries Redis; the others fail at once, so that a Redis that hangs costs
 * a request its fallback, not the timeout.
 */
public final class Redis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Redis.class);
    private static final long RETRY_NANOS = Duration.ofSeconds(1).toNanos();

    private final RedisClient client;
    private final String address;
    private final String keyPrefix;
    private final AtomicLong nextAttemptNanos = new AtomicLong();
    private volatile boolean failing;
    private volatile StatefulRedisConnection<String, String> connection;

    private Redis(RedisClient client, String address, String keyPrefix) {
        this.client = client;
        this.address = address;
        this.keyPrefix = keyPrefix;
    }

    /** The Redis of the settings, not yet connected; a node without the setting gets one that is not configured. */
    public static Redis of(WatchtimeProperties.Redis settings) {
        if (settings == null || !settings.configured()) {
            return new Redis(null, "", "");
        }
        RedisURI uri = RedisURI.create(settings.url().trim());
        uri.setTimeout(settings.timeout());
        RedisClient client = RedisClient.create(uri);
        // Commands fail at once while the connection is down instead of queueing for its return; this class
        // connects again itself, on the next call that may try.
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .build());
        // host and port only: the URL may carry a password
        return new Redis(client, uri.getHost() + ":" + uri.getPort(), settings.keyPrefix());
    }

    public boolean configured() {
        return client != null;
    }

    /** A key of Watchtime's in this Redis. */
    public String key(String name) {
        return keyPrefix + name;
    }

    /** The result of {@code command}, or {@link RedisUnavailableException} when Redis did not answer it. */
    public <T> T call(Function<RedisCommands<String, String>, T> command) {
        if (!configured()) {
            throw new IllegalStateException("watchtime.redis.url is not set");
        }
        long now = System.nanoTime();
        if (failing) {
            long next = nextAttemptNanos.get();
            if (now - next < 0 || !nextAttemptNanos.compareAndSet(next, now + RETRY_NANOS)) {
                throw new RedisUnavailableException(address, null);
            }
        }
        try {
            T result = command.apply(connection().sync());
            if (failing) {
                failing = false;
                log.info("Redis at {} answers again: limits and page walks are shared by the nodes again", address);
            }
            return result;
        } catch (RedisException e) {
            nextAttemptNanos.set(now + RETRY_NANOS);
            failing = true;
            drop();
            throw new RedisUnavailableException(address, e);
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null && current.isOpen()) {
            return current;
        }
        synchronized (this) {
            if (connection != null && connection.isOpen()) {
                return connection;
            }
            connection = client.connect();
            return connection;
        }
    }

    /**
     * Forgets the connection after a failure, so that the next try connects afresh: a connection that lost its
     * server may still look open for a while, and one that was only slow costs a new connection once a second.
     */
    private synchronized void drop() {
        if (connection != null && connection.isOpen()) {
            connection.closeAsync();
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            if (connection != null && connection.isOpen()) {
                connection.close(); // before the client's shutdown, which would close it a second time
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
