package io.watchtime.bench;

import io.watchtime.server.storage.Dialect;
import io.watchtime.server.storage.ViewingRow;
import io.watchtime.server.storage.ViewingsTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The anchor of row "ingest through HTTP": the server's upsert of whole rows ({@link ViewingsTable}), batched
 * 1000 rows a statement with random keys into {@code viewings_scratch}, an empty copy of {@code viewings} (made by
 * scale.sh, or by {@link #scratch} on SQLite), each statement its own committed transaction; on N JDBC
 * connections, or as a pgbench script on PostgreSQL.
 */
final class UpsertAnchor {

    static final String TABLE = "viewings_scratch";
    private static final int ROWS = 1000;
    private static final String PHOTOS = "https://nyfs-alpha.oss-cn-hangzhou.aliyuncs.com/Uploads/WxHeadImg2023/g/";
    private static final String NOW = "extract(epoch from now())::bigint";
    /** How the pgbench script varies the row of {@link #row} (the other columns are its literals). */
    private static final Map<String, String> VARIED = Map.of("room_id", "5000000000 + (:base + g) % 100000",
            "viewer_id", "30000000 + :viewer", "viewer_photo", "'" + PHOTOS + "' || :viewer || '.jpg'",
            "credited_until", NOW, "first_visit", NOW + " - 600", "last_visit", NOW, "update_time", NOW);

    private final ScaleRun run;

    UpsertAnchor(ScaleRun run) {
        this.run = run;
    }

    /** The anchor's row: {@code i} of a statement whose rooms start at {@code base}. */
    private static ViewingRow row(long account, int base, int i, int viewer, long now) {
        ViewingRow r = new ViewingRow(account, 5_000_000_000L + (base + i) % 100_000, 30_000_000L + viewer);
        r.viewerName = "王秀英";
        r.viewerPhoto = PHOTOS + viewer + ".jpg";
        r.stayDuration = 600;
        r.liveDuration = 500;
        r.creditedUntil = now;
        r.ip = "123.52.16.175";
        r.area = "河南 郑州";
        r.device = "iOS";
        r.channelId = 3_128_527;
        r.channelName = "郑州二七店";
        r.storeId = "S1001";
        r.firstVisit = now - 600;
        r.lastVisit = now;
        r.updateTime = now;
        return r;
    }

    /** The server's upsert into the scratch table, its one row of parameters replaced by {@code rows}. */
    private static String upsert(Dialect dialect, String rows) {
        List<String> updated = ViewingsTable.COLUMNS.stream().map(ViewingsTable.Column::name)
                .filter(n -> !ViewingsTable.KEY.contains(n)).toList();
        String one = dialect.upsert(TABLE, ViewingsTable.KEY, updated);
        if (!one.contains(placeholders("VALUES "))) {
            throw new IllegalStateException("not an upsert of one row of every column: " + one);
        }
        return one.replace(placeholders("VALUES "), rows);
    }

    private static String placeholders(String prefix) {
        return prefix + "(" + String.join(", ", Collections.nCopies(ViewingsTable.COLUMNS.size(), "?")) + ")";
    }

    /** Statements of 1000 rows on {@code threads} connections for {@code seconds}; rows/s. */
    void jdbc(int threads, int seconds, long scratchAccount) throws Exception {
        String sql = upsert(run.db().dialect, "VALUES " + String.join(", ", Collections.nCopies(ROWS, placeholders(""))));
        AtomicLong rows = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        run.db().onThreads(threads, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Random random = new Random();
                long now = System.currentTimeMillis() / 1000;
                while (System.nanoTime() < until) {
                    int base = random.nextInt(100_000);
                    int viewer = random.nextInt(200);
                    int p = 1;
                    for (int i = 0; i < ROWS; i++) {
                        p = ViewingsTable.bind(s, p, row(scratchAccount, base, i, viewer, now));
                    }
                    s.executeUpdate();
                    rows.addAndGet(ROWS);
                }
            }
        });
        double rate = rows.get() / ((System.nanoTime() - start) / 1e9);
        System.err.printf("  raw batched upsert, %d connections, %d rows a statement: %,.0f rows/s%n", threads, ROWS, rate);
        run.results().put("ingest.raw_rows_per_s", rate);
    }

    /** The same statement for pgbench, its 1000 rows made by {@code generate_series}. */
    static void pgbenchScript(Path file, long scratchAccount) throws IOException {
        ViewingRow template = row(scratchAccount, 0, 0, 0, 0);
        RowValues values = new RowValues();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < ViewingsTable.COLUMNS.size(); i++) {
            String name = ViewingsTable.COLUMNS.get(i).name();
            select.add(VARIED.getOrDefault(name, values.literal(template, i)));
        }
        String sql = upsert(Dialect.POSTGRESQL, "SELECT " + String.join(", ", select) + " FROM generate_series(0, "
                + (ROWS - 1) + ") g");
        Files.writeString(file, "\\set base random(0, 99999)\n\\set viewer random(0, 199)\n" + sql + ";\n",
                StandardCharsets.UTF_8);
    }

    /** SQLite: a scratch copy of viewings (table and indexes, empty) for the anchor, or its removal. */
    void scratch(boolean drop) throws SQLException {
        try (Connection c = run.db().connect()) {
            Database.exec(c, "DROP TABLE IF EXISTS " + TABLE);
            if (drop) {
                return;
            }
            List<String> ddl = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE"
                    + " tbl_name = 'viewings' AND sql IS NOT NULL ORDER BY type DESC")) {
                while (rs.next()) {
                    ddl.add(rs.getString(1).replace("viewings", TABLE));
                }
            }
            for (String sql : ddl) {
                Database.exec(c, sql);
            }
        }
    }
}
