package io.watchtime.server.room;

import io.watchtime.server.storage.AccountVersions;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each room's {@link RoomAggregate}, read in one pass over the room's rows (its primary-key range) and kept while
 * the account's version stays the same: every commit that changes the account's records raises that version in
 * the same transaction (storage/AccountVersions), so a kept aggregate is never behind the data. The calls that
 * open a room (summary, devices, three rankings) then cost one pass, not five; a room that is still changing is
 * read again for each call that follows a commit.
 */
@Component
class RoomAggregates {

    /** One entry per room asked for; the bound only matters under a thousand rooms looked at at once. */
    private static final int MAX_ROOMS = 1_000;

    private record Key(long accountId, long roomId) {
    }

    private record Kept(long version, RoomAggregate aggregate) {
    }

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<Key, Kept> kept = new ConcurrentHashMap<>();

    RoomAggregates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    RoomAggregate of(long accountId, long roomId) {
        Key key = new Key(accountId, roomId);
        // Read before the rows: a commit in between makes the kept aggregate newer than its version, never older.
        long version = version(accountId);
        Kept found = kept.get(key);
        if (found != null && found.version() == version) {
            return found.aggregate();
        }
        RoomAggregate aggregate = new RoomAggregate();
        jdbc.query("SELECT device, area, store_id, channel_name, inviter_id, inviter_name, stay_duration,"
                        + " live_duration, playback_duration FROM viewings WHERE account_id = ? AND room_id = ?",
                rs -> {
                    aggregate.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
                }, accountId, roomId);
        if (kept.size() >= MAX_ROOMS) {
            kept.clear(); // rare, and only costs a pass per room
        }
        kept.put(key, new Kept(version, aggregate));
        return aggregate;
    }

    private long version(long accountId) {
        Long version = jdbc.execute((ConnectionCallback<Long>) c -> AccountVersions.read(c, accountId));
        return version == null ? 0 : version;
    }
}
