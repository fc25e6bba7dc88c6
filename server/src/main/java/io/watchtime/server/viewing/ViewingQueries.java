package io.watchtime.server.viewing;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.DurationList;
import io.watchtime.protocol.DurationListRequest;
import io.watchtime.protocol.Sort;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.protocol.ViewingRecord;
import io.watchtime.server.WatchtimeProperties;
import io.watchtime.server.storage.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The query behind getAccountUserDurationList. Keys are found in the index alone (it holds the whole
 * order: update_time, room_id, viewer_id) and only the page's rows are read ("deferred join").
 */
@Repository
class ViewingQueries {

    private static final String COLUMNS = "v.room_id, v.viewer_id, v.viewer_name, v.viewer_photo, v.stay_duration,"
            + " v.ip, v.third_uuid, v.wx_appid, v.wx_openid, v.wx_unionid, v.live_duration, v.playback_duration,"
            + " v.channel_id, v.channel_name, v.store_id, v.inviter_id, v.inviter_name, v.first_visit, v.last_visit,"
            + " v.device, v.area, v.update_time";

    private final JdbcTemplate jdbc;
    private final Totals totals;
    private final Dialect dialect;
    private final DateTimeFormatter visitTime;

    ViewingQueries(JdbcTemplate jdbc, Totals totals, Dialect dialect, WatchtimeProperties properties) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.totals = totals;
        this.visitTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(properties.timeZone());
    }

    DurationList page(long accountId, DurationListRequest request) {
        Filter filter = Filter.of(accountId, request);
        long total = totals.total(accountId, request.wechatUserSpaceId(), request.updateTimeStart(),
                request.updateTimeEnd(), () -> jdbc.queryForObject("SELECT count(*) FROM viewings WHERE "
                        + filter.where(), Long.class, filter.args().toArray()));
        if (request.offset() >= total) {
            return new DurationList(total, List.of()); // past the end: no need to walk the index to find nothing
        }
        List<Object> args = new ArrayList<>(filter.args());
        args.add(request.pageSize());
        args.add(request.offset());
        args.add(accountId);
        String sql = dialect.deferredJoin(COLUMNS, "SELECT room_id, viewer_id FROM viewings WHERE " + filter.where()
                        + orderBy("", request.sort()) + " LIMIT ? OFFSET ?",
                "v.account_id = ? AND v.room_id = k.room_id AND v.viewer_id = k.viewer_id", orderBy("v.", request.sort()));
        return new DurationList(total, jdbc.query(sql, this::map, args.toArray()));
    }

    /** The API's order; the full key makes it total, so pages never overlap. */
    private static String orderBy(String table, Sort sort) {
        String direction = sort == Sort.ASC ? " ASC" : " DESC";
        return " ORDER BY " + table + "update_time" + direction + ", " + table + "room_id" + direction + ", "
                + table + "viewer_id" + direction;
    }

    private record Filter(String where, List<Object> args) {
        static Filter of(long accountId, DurationListRequest r) {
            StringBuilder where = new StringBuilder("account_id = ?");
            List<Object> args = new ArrayList<>(List.of(accountId));
            if (r.wechatUserSpaceId() > 0) {
                where.append(" AND viewer_id = ?");
                args.add(r.wechatUserSpaceId());
            }
            if (r.updateTimeStart() > 0) {
                where.append(" AND update_time >= ?");
                args.add(r.updateTimeStart());
            }
            if (r.updateTimeEnd() > 0) {
                where.append(" AND update_time <= ?");
                args.add(r.updateTimeEnd());
            }
            return new Filter(where.toString(), args);
        }
    }

    private ViewingRecord map(ResultSet rs, int row) throws SQLException {
        return new ViewingRecord(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), ThirdWechatInfo.of(rs.getString(8), rs.getString(9), rs.getString(10)),
                rs.getLong(11), rs.getLong(12), ChannelInfo.of(rs.getLong(13), rs.getString(14), rs.getString(15)),
                rs.getLong(16), rs.getString(17), format(rs.getLong(18)), format(rs.getLong(19)),
                rs.getString(20), rs.getString(21), rs.getLong(22));
    }

    private String format(long epochSecond) {
        return epochSecond <= 0 ? "" : visitTime.format(Instant.ofEpochSecond(epochSecond));
    }
}
