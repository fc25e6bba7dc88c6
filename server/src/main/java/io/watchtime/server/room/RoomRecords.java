package io.watchtime.server.room;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.DurationListRequest;
import io.watchtime.protocol.RoomDurationList;
import io.watchtime.protocol.RoomDurationListRequest;
import io.watchtime.protocol.RoomViewingRecord;
import io.watchtime.protocol.Sort;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.server.storage.Dialect;
import io.watchtime.server.storage.Sql;
import io.watchtime.server.storage.ViewingRow;
import io.watchtime.server.storage.ViewingsTable;
import io.watchtime.server.web.ApiTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The query behind getRoomUserDurationList. Every statement stays within the room's rows of a primary key
 * ({@code account_id, room_id, ...}), so a room costs its own size whatever else the account holds: round 0 reads
 * the room's rows of {@code viewings} and sorts them (no index orders a room by update_time, and the account-wide
 * one would walk every other room); a round walks {@code round_viewings}' (room, round, update_time) index and
 * joins each row of the page to its viewer's profile in {@code viewings}.
 */
@Repository
class RoomRecords {

    /** Columns whose values a round has of its own; the names are the same in both tables. */
    private static final List<String> OWN = List.of("viewer_id", "first_visit", "last_visit", "stay_duration",
            "live_duration", "playback_duration", "update_time");
    /** The viewer's profile, always from the room's record. */
    private static final List<String> PROFILE = List.of("viewer_name", "viewer_photo", "ip", "third_uuid", "wx_appid",
            "wx_openid", "wx_unionid", "channel_id", "channel_name", "store_id");
    private static final List<ViewingsTable.Column> SHOWN = Stream.concat(OWN.stream(), PROFILE.stream())
            .map(RoomRecords::column).toList();

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final RoomAggregates aggregates;
    private final ApiTimes times;

    RoomRecords(JdbcTemplate jdbc, Dialect dialect, RoomAggregates aggregates, ApiTimes times) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.aggregates = aggregates;
        this.times = times;
    }

    RoomDurationList page(long accountId, RoomDurationListRequest request) {
        DurationListRequest list = request.list();
        boolean round = request.roomRoundsId() > 0;
        if (!round && list.wechatUserSpaceId() == 0 && list.updateTimeStart() == 0 && list.updateTimeEnd() == 0) {
            RoomDurationList kept = fromKept(accountId, request);
            if (kept != null) {
                return kept;
            }
        }
        Sql where = where(new Sql(), accountId, request);
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + (round ? "round_viewings" : "viewings")
                + " WHERE " + where.text(), Long.class, where.args());
        if (total == null || list.offset() >= total) {
            return new RoomDurationList(total == null ? 0 : total, List.of());
        }
        Sql sql = round ? roundPage(accountId, request) : roomPage(accountId, request);
        return new RoomDurationList(total, jdbc.query(sql.text(), this::map, sql.args()));
    }

    /**
     * A first page of the room's records without filters, from the room's kept aggregate: its viewers in order from
     * the aggregate's ends, their rows by primary key. Null when no current aggregate is kept or it does not reach.
     */
    private RoomDurationList fromKept(long accountId, RoomDurationListRequest request) {
        DurationListRequest list = request.list();
        RoomAggregate aggregate = aggregates.ifKept(accountId, request.roomId());
        List<RoomAggregate.Position> positions = aggregate == null ? null
                : aggregate.page(list.sort() == Sort.ASC, list.offset(), list.pageSize());
        if (positions == null) {
            return null;
        }
        List<Long> viewers = positions.stream().map(RoomAggregate.Position::viewerId).toList();
        if (viewers.isEmpty()) {
            return new RoomDurationList(aggregate.viewers(), List.of());
        }
        Sql sql = new Sql().append("SELECT " + ViewingsTable.selectList("", SHOWN)
                + " FROM viewings WHERE account_id = ? AND room_id = ? AND viewer_id IN ("
                + String.join(", ", Collections.nCopies(viewers.size(), "?")) + ")", accountId, request.roomId())
                .bind(viewers.toArray());
        Map<Long, RoomViewingRecord> rows = new HashMap<>();
        jdbc.query(sql.text(), (rs, n) -> map(rs, n), sql.args()).forEach(r -> rows.put(r.wechatUserSpaceId(), r));
        // A record changed or went away since the aggregate (a commit between its check and this read): its place
        // in the order is no longer the kept one, so the page is read from the table.
        boolean unchanged = positions.stream().allMatch(p -> rows.containsKey(p.viewerId())
                && rows.get(p.viewerId()).updateTime() == p.updateTime());
        if (!unchanged) {
            return null;
        }
        return new RoomDurationList(aggregate.viewers(), viewers.stream().map(rows::get).toList());
    }

    /** The filter on either table: both lead with (account_id, room_id) and name their columns alike. */
    private static Sql where(Sql sql, long accountId, RoomDurationListRequest request) {
        DurationListRequest list = request.list();
        sql.append("account_id = ? AND room_id = ?", accountId, request.roomId());
        if (request.roomRoundsId() > 0) {
            sql.append(" AND round_id = ?", request.roomRoundsId());
        }
        if (list.wechatUserSpaceId() > 0) {
            sql.append(" AND viewer_id = ?", list.wechatUserSpaceId());
        }
        if (list.updateTimeStart() > 0) {
            sql.append(" AND update_time >= ?", list.updateTimeStart());
        }
        if (list.updateTimeEnd() > 0) {
            sql.append(" AND update_time <= ?", list.updateTimeEnd());
        }
        return sql;
    }

    /**
     * The room's records in order. {@code update_time + 0} keeps every database off the account-wide
     * (account_id, update_time, ...) index, which gives this order but walks all other rooms to find this one's.
     */
    private Sql roomPage(long accountId, RoomDurationListRequest request) {
        DurationListRequest list = request.list();
        String direction = direction(list.sort());
        Sql sql = new Sql().append("SELECT " + ViewingsTable.selectList("", SHOWN) + " FROM viewings WHERE ");
        return where(sql, accountId, request).append(" ORDER BY update_time + 0" + direction + ", viewer_id"
                + direction + " LIMIT ? OFFSET ?", list.pageSize(), list.offset());
    }

    /** The round's page found in its index first, then each row joined to its viewer's record. */
    private Sql roundPage(long accountId, RoomDurationListRequest request) {
        DurationListRequest list = request.list();
        String direction = direction(list.sort());
        Sql keys = new Sql().append("SELECT " + String.join(", ", OWN) + " FROM round_viewings WHERE ");
        where(keys, accountId, request).append(" ORDER BY update_time" + direction + ", viewer_id" + direction
                + " LIMIT ? OFFSET ?", list.pageSize(), list.offset());
        String columns = Stream.concat(OWN.stream().map(c -> "k." + c), PROFILE.stream().map(c -> "v." + c))
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        // Every dialect puts the key query before the join condition, so its values come first.
        return new Sql().append(dialect.deferredJoin(columns, keys.text(),
                        "v.account_id = ? AND v.room_id = ? AND v.viewer_id = k.viewer_id",
                        " ORDER BY k.update_time" + direction + ", k.viewer_id" + direction), keys.args())
                .bind(accountId, request.roomId());
    }

    private static String direction(Sort sort) {
        return sort == Sort.ASC ? " ASC" : " DESC";
    }

    private RoomViewingRecord map(ResultSet rs, int rowNumber) throws SQLException {
        ViewingRow r = ViewingsTable.read(rs, 1, SHOWN);
        return new RoomViewingRecord(r.viewerId, r.viewerName, r.viewerPhoto, times.second(r.firstVisit),
                times.second(r.lastVisit), r.stayDuration, r.ip, r.thirdUuid,
                ThirdWechatInfo.of(r.wxAppid, r.wxOpenid, r.wxUnionid), r.liveDuration, r.playbackDuration,
                ChannelInfo.of(r.channelId, r.channelName, r.storeId), r.updateTime);
    }

    private static ViewingsTable.Column column(String name) {
        return ViewingsTable.COLUMNS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
