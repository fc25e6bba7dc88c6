package io.watchtime.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lettuce.core.ScoredValue;
import io.watchtime.server.redis.Redis;
import io.watchtime.server.support.MutableClock;
import io.watchtime.server.support.RedisProcess;
import io.watchtime.server.support.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The limit across nodes on the real local Redis: two limiters, each with its own connection, stand for two
 * nodes. Time here is Redis's, so windows are real milliseconds.
 */
class RedisRateLimiterTest {

    @RegisterExtension
    final TestRedis redis = new TestRedis();
    private final String prefix = redis.prefix();
    private final MutableClock clock = new MutableClock(1_000_000);

    @Test
    void twoNodesAcceptExactlyTheLimitUnderConcurrentRequests() throws Exception {
        RateLimiter[] nodes = {node(1000, 60_000), node(1000, 60_000)};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RateLimiter node = nodes[i % 2];
                callers.add(() -> {
                    int accepted = 0;
                    for (int j = 0; j < 200; j++) {
                        accepted += node.tryAcquire("7 /list") == 0 ? 1 : 0;
                    }
                    return accepted;
                });
            }
            int accepted = 0;
            for (Future<Integer> f : pool.invokeAll(callers)) {
                accepted += f.get();
            }
            assertThat(accepted).isEqualTo(1000);
            assertThat(redis.node().<Long>call(c -> c.zcard(prefix + "rate:7 /list")))
                    .as("only accepted requests count").isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void retryAfterIsExactOnRedisTimeAndRefusalsDoNotCount() throws InterruptedException {
        RateLimiter a = node(3, 2_000);
        RateLimiter b = node(3, 2_000);
        assertThat(a.tryAcquire("k")).isZero();
        assertThat(b.tryAcquire("k")).isZero();
        assertThat(a.tryAcquire("k")).isZero();
        Redis view = redis.node();
        String log = prefix + "rate:k";
        long oldest = (long) view.<List<ScoredValue<String>>>call(c -> c.zrangeWithScores(log, 0, 0)).get(0)
                .getScore();
        long before = redisMillis(view);
        long wait = b.tryAcquire("k");
        long after = redisMillis(view);
        // the oldest accepted request leaves the window exactly 2000 ms after it was accepted, on Redis's clock
        assertThat(wait).isBetween(oldest + 2_000 - after, oldest + 2_000 - before).isPositive();
        assertThat(a.tryAcquire("k")).isPositive();
        assertThat(view.<Long>call(c -> c.zcard(log))).isEqualTo(3);
        assertThat(view.<Long>call(c -> c.pttl(log))).as("the log expires with its window").isBetween(1L, 2_000L);

        Thread.sleep(wait);
        assertThat(a.tryAcquire("k")).as("accepted once the wait is over").isZero();
        assertThat(view.<List<ScoredValue<String>>>call(c -> c.zrangeWithScores(log, 0, -1)))
                .extracting(ScoredValue::getScore).as("the oldest has left the log").doesNotContain((double) oldest);
    }

    @Test
    void unreachableRedisLimitsEachNodeAtItsShareWarnsOnceAMinuteAndNeverThrows() {
        ListAppender<ILoggingEvent> warnings = captureLog();
        RateLimiter node = new RedisRateLimiter(redis.unreachable(), 10, 1_000, 4, clock);
        assertThat(node.tryAcquire("k")).isZero();
        assertThat(node.tryAcquire("k")).isZero();
        // 10 / 4 expected nodes = 2 per node, timed on the node's clock
        assertThat(node.tryAcquire("k")).isEqualTo(1_000);
        clock.advance(Duration.ofMillis(999));
        assertThat(node.tryAcquire("k")).isEqualTo(1);
        assertThat(warnings.list).hasSize(1);
        assertThat(warnings.list.get(0).getFormattedMessage())
                .contains("127.0.0.1:1", "does not answer", "limits alone at 2 requests");

        clock.advance(Duration.ofSeconds(60));
        assertThat(node.tryAcquire("k")).isZero();
        assertThat(warnings.list).as("one warning a minute").hasSize(2);
    }

    @Test
    void goesBackToRedisByItselfWhenItAnswersAgain() throws Exception {
        try (RedisProcess server = RedisProcess.start()) {
            RateLimiter node = new RedisRateLimiter(redis.at(server.url()), 10, 60_000, 2, clock);
            assertThat(node.tryAcquire("k")).isZero();
            assertThat(server.<Long>commands(c -> c.zcard(prefix + "rate:k"))).isEqualTo(1);

            server.stop();
            for (int i = 0; i < 5; i++) {
                assertThat(node.tryAcquire("k")).as("the node's share, 10 / 2").isZero();
            }
            assertThat(node.tryAcquire("k")).isPositive();

            server.restart();
            Thread.sleep(1_100); // Redis is tried again once a second
            assertThat(node.tryAcquire("k")).isZero();
            assertThat(server.<Long>commands(c -> c.zcard(prefix + "rate:k"))).as("counted in Redis again")
                    .isEqualTo(1);
        }
    }

    private RateLimiter node(int limit, long windowMillis) {
        return new RedisRateLimiter(redis.node(), limit, windowMillis, 1, clock);
    }

    private static long redisMillis(Redis redis) {
        List<String> time = redis.call(c -> c.time());
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(RedisRateLimiter.class)).addAppender(appender);
        return appender;
    }
}
