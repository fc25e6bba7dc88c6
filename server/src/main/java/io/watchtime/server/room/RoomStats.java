package io.watchtime.server.room;

import io.watchtime.server.room.RoomAnswers.DeviceStats;
import io.watchtime.server.room.RoomAnswers.Minute;
import io.watchtime.server.room.RoomAnswers.RankingItem;
import io.watchtime.server.room.RoomAnswers.Round;
import io.watchtime.server.room.RoomAnswers.Summary;
import io.watchtime.server.room.RoomRequests.Ranking;
import io.watchtime.server.room.RoomRequests.Series;
import io.watchtime.server.web.ApiTimes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One room's statistics. Every statement names account_id and room_id, the leading columns of each table's
 * primary key, so it reads that room's rows and no other's; an unknown room reads nothing and answers zeros.
 */
@Repository
class RoomStats {

    private static final String ROOM = " WHERE account_id = ? AND room_id = ?";

    private final JdbcTemplate jdbc;
    private final RoomAggregates aggregates;
    private final ApiTimes times;

    RoomStats(JdbcTemplate jdbc, RoomAggregates aggregates, ApiTimes times) {
        this.jdbc = jdbc;
        this.aggregates = aggregates;
        this.times = times;
    }

    /** Viewers by the device of their latest enter; unknown ("") and anything else count as other. */
    DeviceStats devices(long accountId, long roomId) {
        return aggregates.of(accountId, roomId).devices();
    }

    Summary summary(long accountId, long roomId) {
        RoomAggregate records = aggregates.of(accountId, roomId);
        long[] peak = {0, 0};
        jdbc.query("SELECT minute, online FROM room_minutes" + ROOM + " ORDER BY online DESC, minute ASC LIMIT 1",
                rs -> {
                    peak[0] = rs.getLong(1);
                    peak[1] = rs.getLong(2);
                }, accountId, roomId);
        long viewers = records.viewers();
        return new Summary(roomId, status(accountId, roomId), viewers, records.stay(),
                viewers == 0 ? 0 : Math.round((double) records.stay() / viewers), records.live(), records.playback(),
                peak[1], peak[1] > 0 ? times.second(peak[0]) : null, rounds(accountId, roomId),
                records.stayDistribution());
    }

    /** The room's state; a room the account never told about has not started. */
    private String status(long accountId, long roomId) {
        List<String> status = jdbc.queryForList("SELECT status FROM rooms" + ROOM, String.class, accountId, roomId);
        return status.isEmpty() ? "preview" : status.get(0);
    }

    private List<Round> rounds(long accountId, long roomId) {
        Map<Long, Long> viewers = new HashMap<>();
        jdbc.query("SELECT round_id, count(*) FROM round_viewings" + ROOM + " GROUP BY round_id",
                rs -> {
                    viewers.put(rs.getLong(1), rs.getLong(2));
                }, accountId, roomId);
        return jdbc.query("SELECT round_id, started_at, ended_at FROM rounds" + ROOM + " ORDER BY started_at, round_id",
                (rs, row) -> new Round(rs.getLong(1), times.second(rs.getLong(2)), times.secondOrNull(rs.getLong(3)),
                        viewers.getOrDefault(rs.getLong(1), 0L)), accountId, roomId);
    }

    /** The audience minute by minute, minutes without anyone filled in as 0 between the first and the last. */
    List<Minute> series(long accountId, Series window) {
        if (window.start() == 0) {
            Long last = jdbc.queryForObject("SELECT max(minute) FROM room_minutes" + ROOM, Long.class, accountId,
                    window.roomId());
            if (last == null) {
                return List.of();
            }
            window = window.endingAt(last);
        }
        Map<Long, Long> online = new LinkedHashMap<>();
        jdbc.query("SELECT minute, online FROM room_minutes" + ROOM + " AND minute >= ? AND minute <= ? ORDER BY minute",
                rs -> {
                    online.put(rs.getLong(1), rs.getLong(2));
                }, accountId, window.roomId(), window.start() - window.start() % 60, window.end());
        List<Minute> minutes = new ArrayList<>();
        if (online.isEmpty()) {
            return minutes;
        }
        long first = online.keySet().iterator().next();
        long last = first;
        for (long minute : online.keySet()) {
            last = minute;
        }
        for (long minute = first; minute <= last; minute += 60) {
            minutes.add(new Minute(minute, times.minute(minute), online.getOrDefault(minute, 0L)));
        }
        return minutes;
    }

    /** The room's viewers by province, store or inviter, most viewers first (see {@link RoomAggregate#ranking}). */
    List<RankingItem> ranking(long accountId, Ranking request) {
        return aggregates.of(accountId, request.roomId()).ranking(request.by(), request.limit());
    }
}
