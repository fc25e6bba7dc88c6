package io.watchtime.server.viewing;

import io.lettuce.core.ScriptOutputType;
import io.watchtime.server.redis.Fallback;
import io.watchtime.server.redis.Redis;
import io.watchtime.server.redis.RedisUnavailableException;
import io.watchtime.server.redis.Script;
import java.time.Clock;
import org.slf4j.LoggerFactory;

/**
 * Walk positions in Redis, one key per walk, expiring {@link #MAX_AGE} after its last page, so that any node
 * continues any walk. While Redis does not answer, pages are found by OFFSET: slower, still what the contract
 * says, never an error.
 */
final class RedisPageWalkCache implements PageWalkCache {

    /** Moves the walk on by one page in one round trip: the served page's key goes, its successor's comes. */
    private static final Script MOVE_ON = new Script("""
            redis.call('DEL', KEYS[1])
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            return 1
            """);

    private final Redis redis;
    private final String maxAgeMillis = Long.toString(MAX_AGE.toMillis());
    private final Fallback fallback;

    RedisPageWalkCache(Redis redis, Clock clock) {
        this.redis = redis;
        this.fallback = new Fallback(LoggerFactory.getLogger(RedisPageWalkCache.class), clock,
                "page walks read their pages by OFFSET");
    }

    @Override
    public Position start(Step step) {
        try {
            return decode(redis.call(commands -> commands.get(key(step))));
        } catch (RedisUnavailableException e) {
            fallback.taken(e);
            return null;
        }
    }

    @Override
    public void served(Step served, Position last) {
        String[] keys = {key(served), key(served.next())};
        String position = last.updateTime() + ":" + last.roomId() + ":" + last.viewerId();
        try {
            redis.call(commands -> MOVE_ON.run(commands, ScriptOutputType.INTEGER, keys, position, maxAgeMillis));
        } catch (RedisUnavailableException e) {
            fallback.taken(e); // the next page is found by OFFSET
        }
    }

    /** Every part of the step, so that a position never continues another filter, order or page size. */
    private String key(Step step) {
        Filter filter = step.filter();
        return redis.key("walk:" + filter.accountId() + ":" + filter.viewerId() + ":" + filter.updateTimeStart() + ":"
                + filter.updateTimeEnd() + ":" + step.sort().name() + ":" + step.pageSize() + ":" + step.page());
    }

    /** The position, or null for none or for a value this class did not write (which only costs an OFFSET page). */
    private static Position decode(String value) {
        String[] parts = value == null ? new String[0] : value.split(":", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
