package io.watchtime.server.viewing;

import io.watchtime.protocol.DurationListRequest;
import io.watchtime.protocol.Sort;
import io.watchtime.server.storage.Dialect;
import io.watchtime.server.storage.Sql;
import io.watchtime.server.storage.ViewingsTable;
import io.watchtime.server.web.ApiTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query behind getAccountUserDurationList. The index (account_id, update_time, room_id, viewer_id) holds the
 * whole order, so a page is read along it: straight after the previous page's last row when the walk is known
 * (keyset), and by a deferred join when rows must be skipped (offset).
 */
@Repository
class ViewingQueries {

    private static final String COLUMNS = ViewingsTable.selectList("v.", ViewingsTable.SHOWN);

    private final JdbcTemplate jdbc;
    private final TotalCounts totals;
    private final PageWalkCache walks;
    private final Dialect dialect;
    private final ApiTimes times;
    private final JsonMapper json;

    ViewingQueries(JdbcTemplate jdbc, TotalCounts totals, PageWalkCache walks, Dialect dialect,
            ApiTimes times, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.walks = walks;
        this.dialect = dialect;
        this.totals = totals;
        this.times = times;
    }

    /** A page by its number, continuing the walk that just served the page before it when there is one. */
    PageBody page(long accountId, DurationListRequest request) {
        Filter filter = Filter.of(accountId, request);
        long total = totals.total(filter);
        PageWalkCache.Step step = new PageWalkCache.Step(filter, request.sort(), request.pageSize(), request.page());
        Position start = walks.start(step);
        PageBody body = new PageBody(json, times);
        if (start == null && request.offset() >= total) {
            body.finish(total); // past the end: no need to walk the index to find nothing
            return body;
        }
        if (start != null) {
            rowsAfter(filter, request.sort(), start, request.pageSize(), body);
        } else {
            rowsAt(filter, request.sort(), request.offset(), request.pageSize(), body);
        }
        if (body.last() != null) {
            // also after a short last page, so that the page after it ends the walk as a keyset walk would
            walks.served(step, body.last());
        }
        body.finish(total);
        return body;
    }

    /** A page of a cursor walk: the rows after the request's cursor ("" = from the start). */
    PageBody cursorPage(long accountId, DurationListRequest request) {
        Filter filter = Filter.of(accountId, request);
        Position start = Cursors.decode(request.cursor(), filter, request.sort());
        long total = totals.total(filter);
        PageBody body = new PageBody(json, times);
        if (start != null) {
            rowsAfter(filter, request.sort(), start, request.pageSize(), body);
        } else {
            rowsAt(filter, request.sort(), 0, request.pageSize(), body);
        }
        String next = body.count() < request.pageSize() ? null : Cursors.encode(filter, request.sort(), body.last());
        body.finishWithCursor(total, next);
        return body;
    }

    /**
     * The page at {@code offset}. Past the first page, its keys are found in the index alone before any row is
     * read ("deferred join"), so skipped rows cost an index step each, not a row read.
     */
    private void rowsAt(Filter filter, Sort sort, long offset, int limit, PageBody body) {
        if (offset == 0) {
            Sql sql = new Sql().append("SELECT " + COLUMNS + " FROM viewings v WHERE ");
            filter.where(sql).append(orderBy("", sort) + " LIMIT ?", limit);
            jdbc.query(sql.text(), body, sql.args());
            return;
        }
        Sql keys = new Sql().append("SELECT room_id, viewer_id FROM viewings WHERE ");
        filter.where(keys).append(orderBy("", sort) + " LIMIT ? OFFSET ?", limit, offset);
        // Every dialect puts the key query before the join condition, so its values come first.
        Sql sql = new Sql().append(dialect.deferredJoin(COLUMNS, keys.text(),
                        "v.account_id = ? AND v.room_id = k.room_id AND v.viewer_id = k.viewer_id", orderBy("v.", sort)),
                keys.args()).bind(filter.accountId());
        jdbc.query(sql.text(), body, sql.args());
    }

    /**
     * Rows strictly after {@code start} in the API's order, read straight along the index: nothing is skipped,
     * so a deferred join would only add work (a third more on SQLite). Written out rather than as a row
     * comparison {@code (a, b, c) > (?, ?, ?)}, which MariaDB does not turn into an index range; the leading
     * {@code update_time >= ?} bounds the index scan, the rest only sorts out rows of that same second.
     */
    private void rowsAfter(Filter filter, Sort sort, Position start, int limit, PageBody body) {
        String beyond = sort == Sort.ASC ? ">" : "<";
        Sql sql = new Sql().append("SELECT " + COLUMNS + " FROM viewings v WHERE ");
        filter.where(sql).append(" AND update_time " + beyond + "= ? AND (update_time " + beyond + " ? OR room_id "
                        + beyond + " ? OR (room_id = ? AND viewer_id " + beyond + " ?))" + orderBy("", sort) + " LIMIT ?",
                start.updateTime(), start.updateTime(), start.roomId(), start.roomId(), start.viewerId(), limit);
        jdbc.query(sql.text(), body, sql.args());
    }

    /** The API's order; the full key makes it total, so pages never overlap. */
    private static String orderBy(String table, Sort sort) {
        String direction = sort == Sort.ASC ? " ASC" : " DESC";
        return " ORDER BY " + table + "update_time" + direction + ", " + table + "room_id" + direction + ", "
                + table + "viewer_id" + direction;
    }
}
