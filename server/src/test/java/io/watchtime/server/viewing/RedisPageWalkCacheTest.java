package io.watchtime.server.viewing;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.Sort;
import io.watchtime.server.redis.Redis;
import io.watchtime.server.support.MutableClock;
import io.watchtime.server.support.TestRedis;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walk positions in the real local Redis, written by one node's cache and read by another's. */
class RedisPageWalkCacheTest {

    private static final Filter FILTER = new Filter(42, 0, 1_700_000_000, 0);
    private static final PageWalkCache.Step PAGE_3 = new PageWalkCache.Step(FILTER, Sort.DESC, 100, 3);
    private static final Position LAST_OF_PAGE_3 = new Position(1_700_000_123, 900_001, 8_756);

    @RegisterExtension
    final TestRedis redis = new TestRedis();
    private final Clock clock = new MutableClock(1_000_000);

    @Test
    void aPositionOneNodeWroteContinuesTheWalkOnAnother() {
        PageWalkCache first = node();
        PageWalkCache second = node();
        first.served(PAGE_3, LAST_OF_PAGE_3);
        assertThat(second.start(PAGE_3.next())).isEqualTo(LAST_OF_PAGE_3);

        Position lastOfPage4 = new Position(1_700_000_100, 900_002, 1);
        second.served(PAGE_3.next(), lastOfPage4);
        assertThat(first.start(PAGE_3.next().next())).isEqualTo(lastOfPage4);
        assertThat(first.start(PAGE_3.next())).as("a walk holds one position: page 4 again is found by OFFSET")
                .isNull();
    }

    @Test
    void aPositionContinuesOnlyItsOwnFilterOrderAndPageSize() {
        PageWalkCache first = node();
        PageWalkCache second = node();
        first.served(PAGE_3, LAST_OF_PAGE_3);
        assertThat(second.start(new PageWalkCache.Step(FILTER, Sort.ASC, 100, 4))).isNull();
        assertThat(second.start(new PageWalkCache.Step(FILTER, Sort.DESC, 50, 4))).isNull();
        assertThat(second.start(new PageWalkCache.Step(new Filter(43, 0, 1_700_000_000, 0), Sort.DESC, 100, 4)))
                .isNull();
        assertThat(second.start(new PageWalkCache.Step(new Filter(42, 7, 1_700_000_000, 0), Sort.DESC, 100, 4)))
                .isNull();
        assertThat(second.start(PAGE_3.next().next())).isNull();
    }

    @Test
    void positionsExpireAfterTenMinutes() {
        node().served(PAGE_3, LAST_OF_PAGE_3);
        Redis view = redis.node();
        List<String> keys = view.call(c -> c.keys(redis.prefix() + "*"));
        assertThat(keys).hasSize(1);
        long ttl = view.call(c -> c.pttl(keys.get(0)));
        assertThat(ttl).isBetween(PageWalkCache.MAX_AGE.toMillis() - 60_000, PageWalkCache.MAX_AGE.toMillis());
    }

    @Test
    void withoutRedisPagesAreFoundByOffsetAndNothingFails() {
        PageWalkCache cache = new RedisPageWalkCache(redis.unreachable(), clock);
        cache.served(PAGE_3, LAST_OF_PAGE_3);
        assertThat(cache.start(PAGE_3.next())).isNull();
    }

    @Test
    void aValueThisCacheDidNotWriteIsNoPosition() {
        PageWalkCache cache = node();
        cache.served(PAGE_3, LAST_OF_PAGE_3);
        Redis view = redis.node();
        String key = view.<List<String>>call(c -> c.keys(redis.prefix() + "*")).get(0);
        view.call(c -> c.set(key, "not:a:position"));
        assertThat(cache.start(PAGE_3.next())).isNull();
    }

    private PageWalkCache node() {
        return new RedisPageWalkCache(redis.node(), clock);
    }
}
