package io.watchtime.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.Events;
import io.watchtime.server.support.HttpTest;
import io.watchtime.server.support.TestRedis;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A server with {@code watchtime.redis.url} set keeps its rate-limit logs and page-walk positions in Redis, under
 * its key prefix. What the two do across nodes is tested on their own ({@code RedisRateLimiterTest},
 * {@code RedisPageWalkCacheTest}); this is the wiring.
 */
class RedisConfiguredServerTest extends HttpTest {

    private static final String PREFIX = TestRedis.freshPrefix();
    private static final Redis REDIS = TestRedis.connect(PREFIX);

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("watchtime.redis.url", () -> TestRedis.URL);
        registry.add("watchtime.redis.key-prefix", () -> PREFIX);
        registry.add("watchtime.rate-limit.requests", () -> "5");
        registry.add("watchtime.rate-limit.window", () -> "60s");
    }

    @AfterAll
    static void close() {
        REDIS.close();
    }

    @Test
    void theLimitIsCountedInRedis() {
        TestAccount a = newAccount();
        long first = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            assertThat(list(a.readKey(), "{\"page\":1,\"page_size\":1,\"sort\":\"asc\"}").status()).isEqualTo(200);
        }
        Reply refused = list(a.readKey(), "{\"page\":1,\"page_size\":1,\"sort\":\"asc\"}");
        long elapsedSeconds = (System.currentTimeMillis() - first) / 1000;
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(60 - elapsedSeconds - 1, 60L);
        long counted = REDIS.call(c -> c.zcard(REDIS.key("rate:" + a.id() + " " + LIST_PATH)));
        assertThat(counted).isEqualTo(5);
    }

    @Test
    void walkPositionsLiveInRedis() {
        TestAccount a = newAccount();
        long at = Instant.now().getEpochSecond() - 60;
        ingest(a.ingestKey(), Events.body(List.of(Events.enter(1, 1, "s1", at, null),
                Events.enter(1, 2, "s2", at, null), Events.enter(1, 3, "s3", at, null))));
        String walk = REDIS.key("walk:" + a.id() + ":0:0:0:ASC:1:");

        assertThat(list(a.readKey(), "{\"page\":1,\"page_size\":1,\"sort\":\"asc\"}").status()).isEqualTo(200);
        assertThat(REDIS.<List<String>>call(c -> c.keys(walk + "*"))).containsExactly(walk + "2");
        assertThat(list(a.readKey(), "{\"page\":2,\"page_size\":1,\"sort\":\"asc\"}").json().at("/data/list/0")
                .get("wechat_user_space_id").asLong()).isEqualTo(2);
        assertThat(REDIS.<List<String>>call(c -> c.keys(walk + "*"))).containsExactly(walk + "3");
    }
}
