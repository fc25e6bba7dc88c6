package io.watchtime.server.room;

import io.watchtime.server.room.RoomAnswers.Day;
import io.watchtime.server.room.RoomAnswers.RoomItem;
import io.watchtime.server.room.RoomAnswers.RoomList;
import io.watchtime.server.room.RoomRequests.RoomPage;
import io.watchtime.server.storage.Sql;
import io.watchtime.server.web.ApiTimes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The statistics across an account's rooms. Both read all of the account's records (no index serves "latest
 * activity per room" or "day of first visit"), so they cost the account's size, unlike the one-room ones.
 */
@Repository
class AccountRooms {

    /**
     * Records are grouped by quarter hour in SQL (the same integer arithmetic in every dialect) and the quarters
     * by day here: every time zone's offset is a whole number of quarter hours, so a quarter never spans two days.
     */
    private static final long QUARTER_HOUR = 900;

    private final JdbcTemplate jdbc;
    private final ApiTimes times;
    private final Clock clock;

    AccountRooms(JdbcTemplate jdbc, ApiTimes times, Clock clock) {
        this.jdbc = jdbc;
        this.times = times;
        this.clock = clock;
    }

    /** The rooms the account told about (room events or viewers), the most recently changed records first. */
    RoomList rooms(long accountId, RoomPage page) {
        Sql status = new Sql();
        if (page.status() != null) {
            status.append(" AND r.status = ?", page.status());
        }
        Sql count = new Sql().append("SELECT count(*) FROM rooms r WHERE r.account_id = ?", accountId)
                .append(status.text(), status.args());
        Long total = jdbc.queryForObject(count.text(), Long.class, count.args());
        if (total == null || page.offset() >= total) {
            return new RoomList(total == null ? 0 : total, List.of());
        }
        Sql sql = new Sql().append("SELECT r.room_id, r.status, COALESCE(a.viewers, 0), COALESCE(a.stay, 0),"
                        + " COALESCE(a.live, 0), COALESCE(a.playback, 0),"
                        + " (SELECT count(*) FROM rounds x WHERE x.account_id = r.account_id AND x.room_id = r.room_id),"
                        + " COALESCE(a.first_visit, 0), COALESCE(a.last_visit, 0)"
                        + " FROM rooms r LEFT JOIN (SELECT room_id, count(*) AS viewers, sum(stay_duration) AS stay,"
                        + " sum(live_duration) AS live, sum(playback_duration) AS playback, min(first_visit) AS first_visit,"
                        + " max(last_visit) AS last_visit, max(update_time) AS last_update FROM viewings"
                        + " WHERE account_id = ? GROUP BY room_id) a ON a.room_id = r.room_id WHERE r.account_id = ?",
                        accountId, accountId)
                .append(status.text(), status.args())
                .append(" ORDER BY COALESCE(a.last_update, 0) DESC, r.room_id DESC LIMIT ? OFFSET ?", page.pageSize(),
                        page.offset());
        List<RoomItem> rooms = jdbc.query(sql.text(), (rs, row) -> new RoomItem(rs.getLong(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), times.second(rs.getLong(8)),
                times.second(rs.getLong(9))), sql.args());
        return new RoomList(total, rooms);
    }

    /** The last {@code days} days up to today in the time zone, each present, by the day of the first visit. */
    List<Day> trend(long accountId, int days) {
        LocalDate today = LocalDate.now(clock.withZone(times.zone()));
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            byDay.put(day, new long[4]);
        }
        jdbc.query("SELECT quarter, count(*), sum(stay_duration), sum(live_duration), sum(playback_duration) FROM"
                + " (SELECT first_visit - first_visit % " + QUARTER_HOUR + " AS quarter, stay_duration, live_duration,"
                + " playback_duration FROM viewings WHERE account_id = ? AND first_visit >= ? AND first_visit < ?) q"
                + " GROUP BY quarter", rs -> {
                    long[] sums = byDay.get(times.day(rs.getLong(1)));
                    if (sums != null) {
                        for (int i = 0; i < sums.length; i++) {
                            sums[i] += rs.getLong(i + 2);
                        }
                    }
                }, accountId, times.startOf(first), times.startOf(today.plusDays(1)));
        List<Day> list = new ArrayList<>();
        byDay.forEach((day, sums) -> list.add(new Day(day.toString(), sums[0], sums[1], sums[2], sums[3])));
        return list;
    }
}
