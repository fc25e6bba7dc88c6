package io.watchtime.bench;

import static io.watchtime.bench.Stats.percentile;

import io.watchtime.protocol.ViewingRecord;
import io.watchtime.server.storage.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Rows "walk N pages": pages 1..N by page number over HTTP, checking each page holds 500 records in order after
 * the previous page's last; then the anchor, the raw keyset walk of the same pages on JDBC.
 */
final class Walk {

    private final ScaleRun run;

    Walk(ScaleRun run) {
        this.run = run;
    }

    void run(String sort, String filter, int pages) throws Exception {
        long[] range = filter.equals("time") ? run.db().timeRange(run.account()) : new long[] {0, 0};
        String name = "walk." + sort + "." + filter;
        boolean asc = sort.equals("asc");
        double[] httpMs = new double[pages];
        long[] last = null;
        long records = 0;
        long checking = 0; // the client's reading of the answers, left out of the walk's time
        long begin = System.nanoTime();
        long shown = begin;
        for (int p = 1; p <= pages; p++) {
            long t = System.nanoTime();
            byte[] body = run.api().page(p, sort, range[0], range[1]);
            long received = System.nanoTime();
            httpMs[p - 1] = (received - t) / 1e6;
            List<ViewingRecord> list = Api.list(body).list();
            int n = list.size();
            if (n == 0 || n != Api.PAGE_SIZE && p < pages) {
                throw new IllegalStateException(name + ": page " + p + " holds " + n + " records");
            }
            long[] first = key(list.get(0));
            if (last != null && (asc ? Arrays.compare(first, last) <= 0 : Arrays.compare(first, last) >= 0)) {
                throw new IllegalStateException(name + ": page " + p + " starts at " + Arrays.toString(first)
                        + ", not after the previous page's last " + Arrays.toString(last));
            }
            last = key(list.get(n - 1));
            records += n;
            checking += System.nanoTime() - received;
            if (System.nanoTime() - shown > 10_000_000_000L) {
                shown = System.nanoTime();
                double s = (shown - begin) / 1e9;
                System.err.printf("  %s HTTP: page %,d / %,d, %.0f s, p50 so far %.1f ms, ETA %.0f s%n", name, p, pages,
                        s, percentile(Arrays.copyOf(httpMs, p), 50), s / p * (pages - p));
            }
        }
        double httpSeconds = (System.nanoTime() - begin - checking) / 1e9;
        double[] raw = rawKeysetWalk(asc, range, pages);
        double rawSeconds = Arrays.stream(raw).sum() / 1e3;
        System.err.printf("  %s: HTTP %,d pages (%,d records, in order) in %.1f s, p50 %.1f ms p99 %.1f ms; raw keyset"
                        + " walk %.1f s, p50 %.2f ms p99 %.2f ms%n", name, pages, records, httpSeconds,
                percentile(httpMs, 50), percentile(httpMs, 99), rawSeconds, percentile(raw, 50), percentile(raw, 99));
        Results r = run.results();
        r.put(name + ".pages", pages);
        r.put(name + ".http_p50", percentile(httpMs, 50));
        r.put(name + ".http_p99", percentile(httpMs, 99));
        r.put(name + ".http_s", httpSeconds);
        r.put(name + ".raw_p50", percentile(raw, 50));
        r.put(name + ".raw_p99", percentile(raw, 99));
        r.put(name + ".raw_s", rawSeconds);
    }

    /** (update_time, room, viewer): the API's order. */
    private static long[] key(ViewingRecord r) {
        return new long[] {r.updateTime(), r.roomId(), r.wechatUserSpaceId()};
    }

    /** Keyset walk over the (account, update_time, room, viewer) index, every column read; ms per page. */
    private double[] rawKeysetWalk(boolean asc, long[] range, int pages) throws SQLException {
        Dialect dialect = run.db().dialect;
        String cmp = asc ? ">" : "<";
        String where = "v.account_id = ?" + (range[0] > 0 ? " AND v.update_time >= ? AND v.update_time <= ?" : "");
        // MariaDB and SQLite: the expanded form with a leading bound on update_time, as the server writes it.
        // MariaDB makes no index range of a row comparison; SQLite plans one as a skip-scan of the index plus a
        // sort of every following row (EXPLAIN QUERY PLAN: ANY(account_id) ... USE TEMP B-TREE FOR ORDER BY).
        String after = dialect == Dialect.POSTGRESQL
                ? " AND (v.update_time, v.room_id, v.viewer_id) " + cmp + " (?, ?, ?)"
                : " AND v.update_time " + cmp + "= ? AND (v.update_time " + cmp + " ? OR (v.update_time = ? AND (v.room_id "
                + cmp + " ? OR (v.room_id = ? AND v.viewer_id " + cmp + " ?))))";
        String select = "SELECT " + PageSql.COLUMNS + " FROM viewings v WHERE " + where;
        String order = PageSql.orderBy("v.", asc) + " LIMIT " + Api.PAGE_SIZE;
        double[] ms = new double[pages];
        try (Connection c = run.db().connect();
             PreparedStatement firstPage = c.prepareStatement(select + order);
             PreparedStatement next = c.prepareStatement(select + after + order)) {
            long[] last = null;
            for (int p = 0; p < pages; p++) {
                long t = System.nanoTime();
                PreparedStatement s = last == null ? firstPage : next;
                int i = 1;
                s.setLong(i++, run.account());
                if (range[0] > 0) {
                    s.setLong(i++, range[0]);
                    s.setLong(i++, range[1]);
                }
                if (last != null) {
                    // PostgreSQL: the row (t, room, viewer); the others: t, t, t, room, room, viewer
                    long[] params = dialect == Dialect.POSTGRESQL ? last
                            : new long[] {last[0], last[0], last[0], last[1], last[1], last[2]};
                    for (long v : params) {
                        s.setLong(i++, v);
                    }
                }
                long[] key = Database.readAll(s);
                ms[p] = (System.nanoTime() - t) / 1e6;
                if (key == null) {
                    return Arrays.copyOf(ms, p);
                }
                last = key;
            }
        }
        return ms;
    }
}
