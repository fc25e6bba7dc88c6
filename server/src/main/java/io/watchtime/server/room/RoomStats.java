package io.watchtime.server.room;

import io.watchtime.server.room.RoomAnswers.DeviceStats;
import io.watchtime.server.room.RoomAnswers.Minute;
import io.watchtime.server.room.RoomAnswers.RankingItem;
import io.watchtime.server.room.RoomAnswers.Round;
import io.watchtime.server.room.RoomAnswers.StayBucket;
import io.watchtime.server.room.RoomAnswers.Summary;
import io.watchtime.server.room.RoomRequests.Ranking;
import io.watchtime.server.room.RoomRequests.Series;
import io.watchtime.server.web.ApiTimes;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** Stay buckets: label and lower bound in seconds; each runs to the next one's bound. */
    private static final String[] STAY_LABELS = {"<1m", "1-5m", "5-15m", "15-30m", "30-60m", ">=60m"};
    private static final long[] STAY_FROM = {0, 60, 300, 900, 1800, 3600};
    private static final String ROOM = " WHERE account_id = ? AND room_id = ?";

    private final JdbcTemplate jdbc;
    private final ApiTimes times;

    RoomStats(JdbcTemplate jdbc, ApiTimes times) {
        this.jdbc = jdbc;
        this.times = times;
    }

    /** Viewers by the device of their latest enter; unknown ("") and anything else count as other. */
    DeviceStats devices(long accountId, long roomId) {
        long[] counts = new long[4];
        jdbc.query("SELECT device, count(*) FROM viewings" + ROOM + " GROUP BY device", rs -> {
            String device = rs.getString(1);
            int slot = switch (device == null ? "" : device) {
                case "PC" -> 0;
                case "Android" -> 1;
                case "iOS" -> 2;
                default -> 3;
            };
            counts[slot] += rs.getLong(2);
        }, accountId, roomId);
        return new DeviceStats(counts[0], counts[1], counts[2], counts[3]);
    }

    Summary summary(long accountId, long roomId) {
        StringBuilder buckets = new StringBuilder();
        for (int i = 0; i < STAY_FROM.length; i++) {
            buckets.append(", COALESCE(sum(CASE WHEN stay_duration >= ").append(STAY_FROM[i])
                    .append(i + 1 < STAY_FROM.length ? " AND stay_duration < " + STAY_FROM[i + 1] : "")
                    .append(" THEN 1 ELSE 0 END), 0)");
        }
        long[] totals = jdbc.queryForObject("SELECT count(*), COALESCE(sum(stay_duration), 0),"
                + " COALESCE(sum(live_duration), 0), COALESCE(sum(playback_duration), 0)" + buckets + " FROM viewings"
                + ROOM, (rs, row) -> {
                    long[] values = new long[4 + STAY_FROM.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getLong(i + 1);
                    }
                    return values;
                }, accountId, roomId);
        List<StayBucket> distribution = new ArrayList<>();
        for (int i = 0; i < STAY_LABELS.length; i++) {
            distribution.add(new StayBucket(STAY_LABELS[i], totals[4 + i]));
        }
        long[] peak = {0, 0};
        jdbc.query("SELECT minute, online FROM room_minutes" + ROOM + " ORDER BY online DESC, minute ASC LIMIT 1",
                rs -> {
                    peak[0] = rs.getLong(1);
                    peak[1] = rs.getLong(2);
                }, accountId, roomId);
        long viewers = totals[0];
        return new Summary(roomId, status(accountId, roomId), viewers, totals[1],
                viewers == 0 ? 0 : Math.round((double) totals[1] / viewers), totals[2], totals[3], peak[1],
                peak[1] > 0 ? times.second(peak[0]) : null, rounds(accountId, roomId), distribution);
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

    /**
     * The room's viewers grouped by province (the first part of the area), store or inviter, most viewers first.
     * The database groups by the stored values (few per room), and the groups are folded here: "河南 郑州" and
     * "河南 洛阳" are one province, and a store or inviter seen under two names is one entry, named by the name
     * most of its viewers carry. Unknown ones ("" or 0) make one entry with key "".
     */
    List<RankingItem> ranking(long accountId, Ranking request) {
        String columns = switch (request.by()) {
            case PROVINCE -> "area, ''";
            case STORE -> "store_id, channel_name";
            case INVITER -> "inviter_id, inviter_name";
        };
        Map<String, Group> groups = new HashMap<>();
        jdbc.query("SELECT " + columns + ", count(*), COALESCE(sum(stay_duration), 0) FROM viewings" + ROOM
                + " GROUP BY " + columns.replace(", ''", ""), rs -> {
                    String key = rs.getString(1);
                    key = key == null ? "" : key.trim();
                    switch (request.by()) {
                        case PROVINCE -> key = key.split(" ", 2)[0];
                        case INVITER -> key = key.equals("0") ? "" : key;
                        default -> { }
                    }
                    String name = request.by() == Ranking.By.PROVINCE ? key : rs.getString(2);
                    groups.computeIfAbsent(key, Group::new).add(key.isEmpty() ? "" : name, rs.getLong(3),
                            rs.getLong(4));
                }, accountId, request.roomId());
        return groups.values().stream()
                .sorted(Comparator.comparingLong(Group::viewers).reversed()
                        .thenComparing(Comparator.comparingLong(Group::stay).reversed())
                        .thenComparing(Group::key))
                .limit(request.limit())
                .map(g -> new RankingItem(g.key, g.name, g.viewers, g.stay))
                .toList();
    }

    /** One entry of a ranking while its rows are folded in. */
    private static final class Group {
        final String key;
        String name = "";
        long nameViewers = -1;
        long viewers;
        long stay;

        Group(String key) {
            this.key = key;
        }

        void add(String rowName, long rowViewers, long rowStay) {
            viewers += rowViewers;
            stay += rowStay;
            if (rowViewers > nameViewers) {
                name = rowName == null ? "" : rowName;
                nameViewers = rowViewers;
            }
        }

        long viewers() {
            return viewers;
        }

        long stay() {
            return stay;
        }

        String key() {
            return key;
        }
    }
}
