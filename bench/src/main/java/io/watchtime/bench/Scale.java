package io.watchtime.bench;

import io.watchtime.protocol.Paths;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import io.watchtime.server.storage.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measurements of {@code bench/scale.sh}, one step per sub-command; each appends {@code name value} lines
 * to {@code --results}, and {@code table} prints them as one markdown table. Every Watchtime figure has an
 * anchor measured by the same step: the same work done straight on the database.
 *
 * <pre>java -cp ... io.watchtime.bench.Scale STEP --base http://127.0.0.1:18090 --key KEY --url JDBC_URL
 *     --user USER --account 1 --results FILE [step options]</pre>
 * Steps: {@code walk --sort asc|desc --filter none|time --pages N}; {@code first}; {@code deep --page N};
 * {@code loop --threads 16 --seconds S --pages N} (JDBC anchor for throughput); {@code ingest --senders 4
 * --batch 2000 --seconds S} (with an ingest key); {@code upsert --threads 4 --seconds S} (JDBC anchor for
 * ingest); {@code table --title T}.
 */
public final class Scale {

    static final int PAGE_SIZE = 500;
    static final String COLUMNS = "v.room_id, v.viewer_id, v.viewer_name, v.viewer_photo, v.stay_duration,"
            + " v.ip, v.third_uuid, v.wx_appid, v.wx_openid, v.wx_unionid, v.live_duration, v.playback_duration,"
            + " v.channel_id, v.channel_name, v.store_id, v.inviter_id, v.inviter_name, v.first_visit, v.last_visit,"
            + " v.device, v.area, v.update_time";

    private final Map<String, String> o;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;
    private final long account;
    private final Dialect kind;

    private Scale(Map<String, String> o) {
        this.o = o;
        this.url = o.get("--url");
        this.account = Long.parseLong(o.getOrDefault("--account", "1"));
        this.kind = Dialect.of(url);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Scale walk|first|deep|loop|ingest|upsert|scratch|table --url JDBC_URL"
                    + " --results FILE ...; bench/scale.sh runs the steps in order, use that");
            System.exit(2);
        }
        String step = args[0];
        Map<String, String> o = Options.parse(Arrays.copyOfRange(args, 1, args.length), "--results");
        if (step.equals("table")) {
            Table.print(o.get("--results"), o.getOrDefault("--title", ""));
            return;
        }
        Scale s = new Scale(o);
        switch (step) {
            case "walk" -> s.walk(o.get("--sort"), o.get("--filter"), Integer.parseInt(o.get("--pages")));
            case "first" -> s.first();
            case "deep" -> s.deep(Integer.parseInt(o.get("--page")));
            case "loop" -> s.loop(Integer.parseInt(o.getOrDefault("--threads", "16")),
                    Integer.parseInt(o.getOrDefault("--seconds", "30")), Integer.parseInt(o.get("--pages")));
            case "ingest" -> new IngestLoad(s.http, o.get("--base"), o.get("--key"),
                    Integer.parseInt(o.getOrDefault("--senders", "4")), Integer.parseInt(o.getOrDefault("--batch", "2000")),
                    Integer.parseInt(o.getOrDefault("--seconds", "40"))).run(s::result);
            case "upsert" -> s.upsert(Integer.parseInt(o.getOrDefault("--threads", "4")),
                    Integer.parseInt(o.getOrDefault("--seconds", "20")), Long.parseLong(o.get("--scratch-account")));
            case "scratch" -> s.scratch(Boolean.parseBoolean(o.getOrDefault("--drop", "false")));
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
    }

    // ---------------------------------------------------------------- results

    void result(String name, double value) {
        try (PrintWriter w = new PrintWriter(new FileWriter(o.get("--results"), StandardCharsets.UTF_8, true))) {
            w.printf("%s %.4f%n", name, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection connect() throws SQLException {
        String u = url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
        return kind == Dialect.SQLITE ? DriverManager.getConnection(u)
                : DriverManager.getConnection(u, o.getOrDefault("--user", ""), "");
    }

    // ---------------------------------------------------------------- HTTP

    /** One page over HTTP; returns the body, failing on anything but 200. */
    String page(long page, String sort, long start, long end) throws Exception {
        String body = "{\"page\":" + page + ",\"page_size\":" + PAGE_SIZE + ",\"sort\":\"" + sort + "\""
                + (start > 0 ? ",\"update_time_start\":" + start : "") + (end > 0 ? ",\"update_time_end\":" + end : "")
                + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(o.get("--base") + Paths.DURATION_LIST))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + o.get("--key"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("page " + page + ": HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }

    private static long field(String body, String name, int from) {
        int i = body.indexOf("\"" + name + "\":", from);
        if (i < 0) {
            throw new IllegalStateException("no " + name + " in the answer");
        }
        i += name.length() + 3;
        int j = i;
        while (j < body.length() && (Character.isDigit(body.charAt(j)) || body.charAt(j) == '-')) {
            j++;
        }
        return Long.parseLong(body.substring(i, j));
    }

    /** (update_time, room_id, viewer) of the record that starts at {@code at} (its "room_id" key). */
    private static long[] key(String body, int at) {
        return new long[] {field(body, "update_time", at), field(body, "room_id", at), field(body, "wechat_user_space_id", at)};
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    long[] timeRange() throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT min(update_time), max(update_time) FROM viewings WHERE account_id = ?")) {
            s.setLong(1, account);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    // ---------------------------------------------------------------- walk

    /**
     * Pages 1..N by page number over HTTP, checking each page holds 500 records in order after the previous
     * page's last; then the raw keyset walk of the same pages on JDBC.
     */
    void walk(String sort, String filter, int pages) throws Exception {
        long[] range = filter.equals("time") ? timeRange() : new long[] {0, 0};
        String name = "walk." + sort + "." + filter;
        boolean asc = sort.equals("asc");
        double[] httpMs = new double[pages];
        long[] last = null;
        long records = 0;
        long begin = System.nanoTime();
        long shown = begin;
        for (int p = 1; p <= pages; p++) {
            long t = System.nanoTime();
            String body = page(p, sort, range[0], range[1]);
            httpMs[p - 1] = (System.nanoTime() - t) / 1e6;
            int first = body.indexOf("\"room_id\":");
            int end = body.lastIndexOf("\"room_id\":");
            int n = 0;
            for (int i = first; i >= 0; i = body.indexOf("\"room_id\":", i + 1)) {
                n++;
            }
            if (first < 0 || n != PAGE_SIZE && p < pages) {
                throw new IllegalStateException(name + ": page " + p + " holds " + n + " records");
            }
            long[] k = key(body, first);
            if (last != null && (asc ? compare(k, last) <= 0 : compare(k, last) >= 0)) {
                throw new IllegalStateException(name + ": page " + p + " starts at " + Arrays.toString(k)
                        + ", not after the previous page's last " + Arrays.toString(last));
            }
            last = key(body, end);
            records += n;
            if (System.nanoTime() - shown > 10_000_000_000L) {
                shown = System.nanoTime();
                double s = (shown - begin) / 1e9;
                System.err.printf("  %s HTTP: page %,d / %,d, %.0f s, p50 so far %.1f ms, ETA %.0f s%n", name, p, pages,
                        s, percentile(Arrays.copyOf(httpMs, p), 50), s / p * (pages - p));
            }
        }
        double httpSeconds = (System.nanoTime() - begin) / 1e9;
        double[] raw = rawKeysetWalk(asc, range, pages);
        double rawSeconds = Arrays.stream(raw).sum() / 1e3;
        System.err.printf("  %s: HTTP %,d pages (%,d records, in order) in %.1f s, p50 %.1f ms p99 %.1f ms; raw keyset"
                        + " walk %.1f s, p50 %.2f ms p99 %.2f ms%n", name, pages, records, httpSeconds,
                percentile(httpMs, 50), percentile(httpMs, 99), rawSeconds, percentile(raw, 50), percentile(raw, 99));
        result(name + ".pages", pages);
        result(name + ".http_p50", percentile(httpMs, 50));
        result(name + ".http_p99", percentile(httpMs, 99));
        result(name + ".http_s", httpSeconds);
        result(name + ".raw_p50", percentile(raw, 50));
        result(name + ".raw_p99", percentile(raw, 99));
        result(name + ".raw_s", rawSeconds);
    }

    /** Keyset walk over the (account, update_time, room, viewer) index, every column read; ms per page. */
    double[] rawKeysetWalk(boolean asc, long[] range, int pages) throws SQLException {
        String dir = asc ? " ASC" : " DESC";
        String cmp = asc ? ">" : "<";
        String where = "v.account_id = ?" + (range[0] > 0 ? " AND v.update_time >= ? AND v.update_time <= ?" : "");
        // MariaDB and SQLite: the expanded form with a leading bound on update_time, as the server writes it.
        // MariaDB makes no index range of a row comparison; SQLite plans one as a skip-scan of the index plus a
        // sort of every following row (EXPLAIN QUERY PLAN: ANY(account_id) ... USE TEMP B-TREE FOR ORDER BY).
        String after = kind == Dialect.POSTGRESQL
                ? " AND (v.update_time, v.room_id, v.viewer_id) " + cmp + " (?, ?, ?)"
                : " AND v.update_time " + cmp + "= ? AND (v.update_time " + cmp + " ? OR (v.update_time = ? AND (v.room_id "
                + cmp + " ? OR (v.room_id = ? AND v.viewer_id " + cmp + " ?))))";
        String order = " ORDER BY v.update_time" + dir + ", v.room_id" + dir + ", v.viewer_id" + dir + " LIMIT " + PAGE_SIZE;
        double[] ms = new double[pages];
        try (Connection c = connect();
             PreparedStatement firstPage = c.prepareStatement("SELECT " + COLUMNS + " FROM viewings v WHERE " + where + order);
             PreparedStatement next = c.prepareStatement("SELECT " + COLUMNS + " FROM viewings v WHERE " + where + after
                     + order)) {
            long[] last = null;
            for (int p = 0; p < pages; p++) {
                long t = System.nanoTime();
                PreparedStatement s = last == null ? firstPage : next;
                int i = 1;
                s.setLong(i++, account);
                if (range[0] > 0) {
                    s.setLong(i++, range[0]);
                    s.setLong(i++, range[1]);
                }
                if (last != null) {
                    if (kind != Dialect.POSTGRESQL) {
                        s.setLong(i++, last[0]);
                        s.setLong(i++, last[0]);
                        s.setLong(i++, last[0]);
                        s.setLong(i++, last[1]);
                        s.setLong(i++, last[1]);
                        s.setLong(i, last[2]);
                    } else {
                        s.setLong(i++, last[0]);
                        s.setLong(i++, last[1]);
                        s.setLong(i, last[2]);
                    }
                }
                long[] key = readAll(s);
                ms[p] = (System.nanoTime() - t) / 1e6;
                if (key == null) {
                    return Arrays.copyOf(ms, p);
                }
                last = key;
            }
        }
        return ms;
    }

    /** Runs the query, reads every column of every row; returns (update_time, room, viewer) of the last row. */
    private static long[] readAll(PreparedStatement s) throws SQLException {
        long[] last = null;
        try (ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                last = new long[] {rs.getLong("update_time"), rs.getLong("room_id"), rs.getLong("viewer_id")};
            }
        }
        return last;
    }

    // ---------------------------------------------------------------- page 1 with total

    void first() throws Exception {
        for (int i = 0; i < 30; i++) {
            page(1, "desc", 0, 0);
        }
        double[] viaHttp = new double[300];
        for (int i = 0; i < viaHttp.length; i++) {
            long t = System.nanoTime();
            String body = page(1, "desc", 0, 0);
            viaHttp[i] = (System.nanoTime() - t) / 1e6;
            if (i == 0) {
                System.err.printf("  page 1: total %,d%n", field(body, "total", 0));
            }
        }
        double[] raw = new double[15];
        try (Connection c = connect();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM viewings WHERE account_id = ?");
             PreparedStatement page = c.prepareStatement("SELECT " + COLUMNS + " FROM viewings v WHERE v.account_id = ?"
                     + " ORDER BY v.update_time DESC, v.room_id DESC, v.viewer_id DESC LIMIT " + PAGE_SIZE)) {
            count.setLong(1, account);
            page.setLong(1, account);
            for (int i = -3; i < raw.length; i++) {
                long t = System.nanoTime();
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                }
                readAll(page);
                if (i >= 0) {
                    raw[i] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        System.err.printf("  page 1 with total: HTTP p50 %.1f ms p99 %.1f ms (300 requests); raw count(*) + page p50"
                + " %.1f ms (15 runs)%n", percentile(viaHttp, 50), percentile(viaHttp, 99), percentile(raw, 50));
        result("first.http_p50", percentile(viaHttp, 50));
        result("first.http_p99", percentile(viaHttp, 99));
        result("first.raw_p50", percentile(raw, 50));
    }

    // ---------------------------------------------------------------- page N directly

    /**
     * Page N as the first request of a filter the server has not seen (a window that still covers all the data,
     * its start one second earlier each time, sorts alternating), beside the plain OFFSET query on JDBC.
     */
    void deep(int page) throws Exception {
        long[] range = timeRange();
        int runs = 3;
        double[] viaHttp = new double[runs];
        double[] raw = new double[runs];
        double[] rawDeferred = new double[runs];
        long salt = System.currentTimeMillis() / 1000 % 100_000;
        for (int i = 0; i < runs; i++) {
            String sort = i % 2 == 0 ? "desc" : "asc";
            long t = System.nanoTime();
            String body = page(page, sort, range[0] - 1 - salt * 10 - i, range[1] + 1);
            viaHttp[i] = (System.nanoTime() - t) / 1e6;
            if (!body.contains("\"room_id\":")) {
                throw new IllegalStateException("page " + page + " is empty: " + body.substring(0, Math.min(200, body.length())));
            }
        }
        String order = " ORDER BY update_time DESC, room_id DESC, viewer_id DESC";
        try (Connection c = connect();
             PreparedStatement plain = c.prepareStatement("SELECT " + COLUMNS.replace("v.", "") + " FROM viewings WHERE"
                     + " account_id = ?" + order + " LIMIT " + PAGE_SIZE + " OFFSET ?");
             PreparedStatement deferred = c.prepareStatement(deferredJoin(false))) {
            for (int i = 0; i < runs; i++) {
                plain.setLong(1, account);
                plain.setLong(2, (page - 1L) * PAGE_SIZE);
                long t = System.nanoTime();
                readAll(plain);
                raw[i] = (System.nanoTime() - t) / 1e6;
                deferred.setLong(1, account);
                deferred.setLong(2, (page - 1L) * PAGE_SIZE);
                deferred.setLong(3, account);
                t = System.nanoTime();
                readAll(deferred);
                rawDeferred[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        System.err.printf("  page %,d directly: HTTP %s ms; raw plain OFFSET %s ms; raw deferred join %s ms%n", page,
                Arrays.toString(round(viaHttp)), Arrays.toString(round(raw)), Arrays.toString(round(rawDeferred)));
        result("deep.page", page);
        result("deep.http_ms", percentile(viaHttp, 50));
        result("deep.http_max_ms", Arrays.stream(viaHttp).max().orElse(0));
        result("deep.raw_ms", percentile(raw, 50));
        result("deep.raw_deferred_ms", percentile(rawDeferred, 50));
    }

    private static double[] round(double[] ms) {
        return Arrays.stream(ms).map(Math::rint).toArray();
    }

    /** The server's page query (ViewingQueries' keys, Dialect's join), no filter: account, LIMIT 500 OFFSET ?, account. */
    String deferredJoin(boolean asc) {
        String dir = asc ? " ASC" : " DESC";
        String keys = "SELECT room_id, viewer_id FROM viewings WHERE account_id = ? ORDER BY update_time" + dir
                + ", room_id" + dir + ", viewer_id" + dir + " LIMIT " + PAGE_SIZE + " OFFSET ?";
        String join = "v.account_id = ? AND v.room_id = k.room_id AND v.viewer_id = k.viewer_id";
        String order = " ORDER BY v.update_time" + dir + ", v.room_id" + dir + ", v.viewer_id" + dir;
        return kind.deferredJoin(COLUMNS, keys, join, order);
    }

    // ---------------------------------------------------------------- throughput anchor

    private interface ConnectionTask {
        void run(Connection c) throws Exception;
    }

    /** Runs {@code task} on N threads, each with a connection of its own; rethrows the first failure. */
    private void onThreads(int threads, ConnectionTask task) throws Exception {
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try (Connection c = connect()) {
                    task.run(c);
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** The server's page query in a loop on N connections: random page 1..pages, random sort; pages/s. */
    void loop(int threads, int seconds, int pages) throws Exception {
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        onThreads(threads, c -> {
            try (PreparedStatement asc = c.prepareStatement(deferredJoin(true));
                 PreparedStatement desc = c.prepareStatement(deferredJoin(false))) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < until) {
                    PreparedStatement s = random.nextBoolean() ? asc : desc;
                    s.setLong(1, account);
                    s.setLong(2, (random.nextInt(pages) * (long) PAGE_SIZE));
                    s.setLong(3, account);
                    readAll(s);
                    done.incrementAndGet();
                }
            }
        });
        double rate = done.get() / ((System.nanoTime() - start) / 1e9);
        System.err.printf("  JDBC loop, %d connections, %d s: %,.1f pages/s%n", threads, seconds, rate);
        result("throughput.raw_rps", rate);
    }

    // ---------------------------------------------------------------- ingest anchor

    /**
     * Batched upsert straight into a scratch copy of {@code viewings} (created by scale.sh): statements of 1000
     * rows with random keys, on N connections, each statement its own committed transaction; rows/s.
     */
    void upsert(int threads, int seconds, long scratchAccount) throws Exception {
        String cols = "account_id, room_id, viewer_id, viewer_name, viewer_photo, third_uuid, stay_duration,"
                + " live_duration, playback_duration, credited_until, ip, area, device, channel_id, channel_name,"
                + " store_id, inviter_id, inviter_name, first_visit, last_visit, update_time";
        String[] updated = {"viewer_name", "viewer_photo", "stay_duration", "live_duration", "playback_duration",
            "credited_until", "ip", "area", "device", "last_visit", "update_time"};
        StringBuilder sql = new StringBuilder("INSERT INTO viewings_scratch (" + cols + ") VALUES ");
        String row = "(" + String.join(", ", java.util.Collections.nCopies(21, "?")) + ")";
        for (int i = 0; i < 1000; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        if (kind == Dialect.MYSQL) {
            sql.append(" ON DUPLICATE KEY UPDATE ");
            for (int i = 0; i < updated.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(updated[i]).append(" = VALUES(").append(updated[i]).append(")");
            }
        } else {
            sql.append(" ON CONFLICT (account_id, room_id, viewer_id) DO UPDATE SET ");
            for (int i = 0; i < updated.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(updated[i]).append(" = excluded.").append(updated[i]);
            }
        }
        AtomicLong rows = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        onThreads(threads, c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                Random random = new Random();
                long now = System.currentTimeMillis() / 1000;
                while (System.nanoTime() < until) {
                    int base = random.nextInt(100_000);
                    int viewer = random.nextInt(200);
                    int p = 1;
                    for (int i = 0; i < 1000; i++) {
                        s.setLong(p++, scratchAccount);
                        s.setLong(p++, 5_000_000_000L + (base + i) % 100_000);
                        s.setLong(p++, 30_000_000L + viewer);
                        s.setString(p++, "王秀英");
                        s.setString(p++, "https://nyfs-alpha.oss-cn-hangzhou.aliyuncs.com/Uploads/WxHeadImg2023/g/"
                                + viewer + ".jpg");
                        s.setString(p++, "");
                        s.setLong(p++, 600);
                        s.setLong(p++, 500);
                        s.setLong(p++, 0);
                        s.setLong(p++, now);
                        s.setString(p++, "123.52.16.175");
                        s.setString(p++, "河南 郑州");
                        s.setString(p++, "iOS");
                        s.setLong(p++, 3_128_527);
                        s.setString(p++, "郑州二七店");
                        s.setString(p++, "S1001");
                        s.setLong(p++, 0);
                        s.setString(p++, "");
                        s.setLong(p++, now - 600);
                        s.setLong(p++, now);
                        s.setLong(p++, now);
                    }
                    s.executeUpdate();
                    rows.addAndGet(1000);
                }
            }
        });
        double rate = rows.get() / ((System.nanoTime() - start) / 1e9);
        System.err.printf("  raw batched upsert, %d connections, 1000 rows a statement: %,.0f rows/s%n", threads, rate);
        result("ingest.raw_rows_per_s", rate);
    }

    /** SQLite: a scratch copy of viewings (table and indexes, empty) for the upsert anchor, or its removal. */
    void scratch(boolean drop) throws SQLException {
        try (Connection c = connect()) {
            exec(c, "DROP TABLE IF EXISTS viewings_scratch");
            if (drop) {
                return;
            }
            List<String> ddl = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE"
                    + " tbl_name = 'viewings' AND sql IS NOT NULL ORDER BY type DESC")) {
                while (rs.next()) {
                    ddl.add(rs.getString(1).replace("viewings", "viewings_scratch"));
                }
            }
            for (String sql : ddl) {
                exec(c, sql);
            }
        }
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
