package io.watchtime.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads realistic viewing records straight into the {@code viewings} table, the fastest way each database
 * offers: PostgreSQL by {@code COPY ... FROM STDIN} (text), MariaDB/MySQL by {@code LOAD DATA LOCAL INFILE}
 * from a stream, SQLite by batched inserts. The secondary indexes are dropped for the load and built again
 * afterwards (one sorted build is far cheaper than 10 M random inserts into them), then the table is analysed
 * (PostgreSQL: VACUUM ANALYZE, which also sets the visibility map: without it every index-only scan, count(*)
 * included, reads the heap row by row, 15 x slower, until autovacuum comes by).
 * The schema must exist (start the server or run its CLI once on the same URL).
 *
 * <p>Records: {@code --records} of account {@code --account}, then {@code --others} spread over
 * {@code --other-accounts} accounts numbered from {@code --first-other} (viewings only; the server never joins
 * them to {@code accounts}). Rooms of 20..380 viewers (about 200 on average), started over the last
 * {@code --days} days (30), each viewer's {@code update_time} within 3 hours of its room's start, so many
 * records share a second; viewers come from a pool of records/5 and keep one name, place, device and
 * store; unique (account, room, viewer) by construction.
 *
 * <pre>java -cp ... io.watchtime.bench.GenerateViewings --url URL [--user U] --account 1 --records 10000000
 *     [--others 1000000] [--other-accounts 100] [--first-other 1001] [--if-needed true]</pre>
 * With {@code --if-needed true} nothing is loaded when the table already holds exactly these counts.
 */
public final class GenerateViewings {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
        "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晓燕", "子涵", "浩然", "欣怡", "梓萱", "雨桐", "一诺"};
    private static final String[] NICKNAMES = {"CLANNAD", ":)", "梦回君乡", "hovz", "空白.", "自律", "这是个正常名", "Frost",
        "小鱼儿", "向日葵🌻", "Lucky", "追风少年", "一只猫", "momo", "阿蛮"};
    /** IP prefixes and the area ip2region gives them (checked ones first). */
    private static final String[][] PLACES = {{"123.52.16.", "河南 郑州"}, {"220.184.19.", "浙江 杭州"},
        {"183.14.2.", "广东 深圳"}, {"61.135.169.", "北京 北京"}, {"202.96.209.", "上海 上海"},
        {"218.30.64.", "陕西 西安"}, {"221.237.144.", "四川 成都"}, {"58.48.20.", "湖北 武汉"},
        {"221.226.2.", "江苏 南京"}, {"27.17.8.", "湖北 武汉"}, {"113.57.12.", "湖北 武汉"},
        {"8.8.8.", "美国"}, {"10.1.2.", ""}};
    private static final String[] DEVICES = {"iOS", "iOS", "iOS", "Android", "Android", "Android", "Android", "PC",
        "Other", ""};
    private static final String[] STORES = {"郑州二七店", "杭州西湖店", "深圳南山店", "北京朝阳店", "上海徐汇店", "西安雁塔店",
        "成都锦江店", "武汉江汉店", "南京鼓楼店", "线上商城"};
    private static final int CHUNK = 20_000;

    private GenerateViewings() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args, "--url", "--account", "--records");
        String url = o.get("--url");
        long account = Long.parseLong(o.get("--account"));
        long records = Long.parseLong(o.get("--records"));
        long others = Long.parseLong(o.getOrDefault("--others", "0"));
        int otherAccounts = Integer.parseInt(o.getOrDefault("--other-accounts", "100"));
        long firstOther = Long.parseLong(o.getOrDefault("--first-other", "1001"));
        int days = Integer.parseInt(o.getOrDefault("--days", "30"));
        Db db = Db.of(url);
        try (Connection c = db.connect(url, o.getOrDefault("--user", db.user))) {
            long[] have = counts(c, account, firstOther, firstOther + otherAccounts - 1);
            if (Boolean.parseBoolean(o.getOrDefault("--if-needed", "false"))) {
                if (have[0] == records && have[1] == others) {
                    System.out.printf("reusing: viewings already holds %,d records of account %d and %,d of others%n",
                            records, account, others);
                    return;
                }
                if (have[0] + have[1] > 0) {
                    System.err.printf("viewings holds %,d + %,d records, not %,d + %,d: use a fresh database%n",
                            have[0], have[1], records, others);
                    System.exit(3);
                }
            }
            long now = System.currentTimeMillis() / 1000;
            List<Part> parts = new ArrayList<>();
            parts.add(new Part(account, records, account * 7 + 1));
            for (int a = 0; a < otherAccounts && others > 0; a++) {
                long n = others / otherAccounts + (a < others % otherAccounts ? 1 : 0);
                parts.add(new Part(firstOther + a, n, (firstOther + a) * 7 + 1));
            }
            long total = records + others;
            Map<String, String> indexes = db.secondaryIndexes(c);
            long start = System.nanoTime();
            System.out.printf("dropping %d secondary indexes for the load: %s%n", indexes.size(), indexes.keySet());
            for (String name : indexes.keySet()) {
                exec(c, db.dropIndex(name));
            }
            Progress progress = new Progress("loaded", total);
            db.load(c, new Rows(parts, now - days * 86_400L, now), total, progress);
            long loaded = System.nanoTime() - start;
            System.out.printf("loaded %,d records in %.1f s (%,.0f records/s, without indexes)%n", total,
                    loaded / 1e9, total / (loaded / 1e9));
            for (Map.Entry<String, String> index : indexes.entrySet()) {
                long t = System.nanoTime();
                db.beforeIndex(c);
                exec(c, index.getValue());
                System.out.printf("built %s in %.1f s%n", index.getKey(), (System.nanoTime() - t) / 1e9);
            }
            long t = System.nanoTime();
            exec(c, db.analyze);
            System.out.printf("analysed (%s) in %.1f s%n", db.analyze, (System.nanoTime() - t) / 1e9);
            long all = System.nanoTime() - start;
            System.out.printf("generated %,d records (%,d of account %d, %,d of %d others) in %.1f s: %,.0f records/s"
                            + " including the index builds%n", total, records, account, others,
                    others > 0 ? otherAccounts : 0, all / 1e9, total / (all / 1e9));
        }
    }

    /** Records of the account, and of the generated other accounts (not those of ingest accounts the benchmark made). */
    private static long[] counts(Connection c, long account, long firstOther, long lastOther) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT sum(CASE WHEN account_id = ? THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN account_id BETWEEN ? AND ? THEN 1 ELSE 0 END) FROM viewings")) {
            s.setLong(1, account);
            s.setLong(2, firstOther);
            s.setLong(3, lastOther);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private record Part(long account, long records, long seed) {
    }

    /** One viewing row, as the columns of the {@code viewings} table in their order. */
    static final class Row {
        long account;
        long room;
        long viewer;
        String name;
        String photo;
        String thirdUuid;
        String wxAppid; // with wxOpenid and wxUnionid: all null or all set
        String wxOpenid;
        String wxUnionid;
        long stay;
        long live;
        long playback;
        long creditedUntil;
        String ip;
        String area;
        String device;
        long channelId;
        String channelName;
        String storeId;
        long inviterId;
        String inviterName;
        long firstVisit;
        long lastVisit;
        long updateTime;
    }

    /** The records, in primary-key order within each account (rooms ascending). */
    static final class Rows {
        private final List<Part> parts;
        private final long from;
        private final long to;
        private int part = -1;
        private long left;
        private Random random;
        private long viewerPool;
        private long roomCount;
        private long room;
        private int inRoom;
        private int roomSize;
        private long roomStart;
        private long roomSpacing;
        private long firstRoom;

        Rows(List<Part> parts, long from, long to) {
            this.parts = parts;
            this.from = from;
            this.to = to;
        }

        /** Fills {@code r} with the next record; false when there are no more. */
        boolean next(Row r) {
            while (left == 0) {
                if (++part == parts.size()) {
                    return false;
                }
                Part p = parts.get(part);
                left = p.records();
                random = new Random(p.seed());
                viewerPool = Math.max(1_000, p.records() / 5);
                firstRoom = 1_000_000_000L + p.account() * 10_000_000L;
                room = firstRoom - 1;
                roomSpacing = Math.max(1, (to - 5 * 3600 - from) / Math.max(1, p.records() / 200));
                inRoom = 0;
                roomSize = 0;
            }
            if (inRoom == roomSize) {
                room++;
                inRoom = 0;
                roomSize = (int) Math.min(left, 20 + random.nextInt(361));
                roomStart = Math.min(to - 5 * 3600, from + (room - firstRoom) * roomSpacing + random.nextInt(3600));
            }
            long account = parts.get(part).account();
            int j = inRoom++;
            left--;
            // injective in j for one room: 7919 is prime and does not divide viewerPool unless it is a multiple
            long pool = viewerPool % 7919 == 0 ? viewerPool + 1 : viewerPool;
            long index = Math.floorMod(j * 7919L + room * 104_729L, pool);
            long viewer = 20_000_000L + index;
            Random self = new Random(viewer * 31 + account); // one viewer keeps one name, place, phone, store
            r.account = account;
            r.room = room;
            r.viewer = viewer;
            boolean named = self.nextInt(10) < 9;
            r.name = !named ? "" : self.nextInt(3) == 0 ? NICKNAMES[self.nextInt(NICKNAMES.length)]
                    : SURNAMES[self.nextInt(SURNAMES.length)] + GIVEN[self.nextInt(GIVEN.length)];
            r.photo = named ? "https://nyfs-alpha.oss-cn-hangzhou.aliyuncs.com/Uploads/WxHeadImg2023/g/" + viewer + ".jpg"
                    : "";
            boolean wechat = self.nextInt(10) < 3;
            r.thirdUuid = wechat ? "crm-" + viewer : "";
            r.wxAppid = wechat ? "wx8d2c6b1a0e3f4a57" : null;
            r.wxOpenid = wechat ? "oX" + Long.toHexString(viewer * 7919) : null;
            r.wxUnionid = wechat ? "uN" + Long.toHexString(viewer * 104_729) : null;
            String[] place = PLACES[self.nextInt(PLACES.length)];
            r.ip = place[0] + (1 + self.nextInt(254));
            r.area = place[1];
            r.device = DEVICES[self.nextInt(DEVICES.length)];
            boolean channel = self.nextInt(10) < 7;
            int store = self.nextInt(STORES.length);
            r.channelId = channel ? 3_128_500 + store : 0;
            r.channelName = channel ? STORES[store] : "";
            r.storeId = channel && store < 9 ? "S" + (1001 + store) : "";
            boolean invited = random.nextInt(5) == 0;
            r.inviterId = invited ? 20_000_000L + random.nextInt((int) Math.min(viewerPool, Integer.MAX_VALUE)) : 0;
            if (r.inviterId == viewer) {
                r.inviterId = 0;
            }
            r.inviterName = r.inviterId != 0 && random.nextBoolean() ? SURNAMES[random.nextInt(SURNAMES.length)]
                    + GIVEN[random.nextInt(GIVEN.length)] : "";
            long live = (long) (random.nextDouble() * random.nextDouble() * 7200);
            long playback = random.nextInt(4) == 0 ? random.nextInt(1800) : 0;
            r.live = live;
            r.playback = playback;
            r.stay = live + playback + random.nextInt(300); // stay >= live + playback
            r.firstVisit = roomStart + random.nextInt(3 * 3600);
            r.lastVisit = Math.min(to, r.firstVisit + random.nextInt(3600));
            r.creditedUntil = r.lastVisit;
            r.updateTime = Math.min(to, r.lastVisit + random.nextInt(60)); // often shared by several records: ties
            return true;
        }
    }

    /** Progress line on stderr at most every 2 s: records, rate, ETA. */
    static final class Progress {
        private final String what;
        private final long total;
        private final long start = System.nanoTime();
        private long last = start;

        Progress(String what, long total) {
            this.what = what;
            this.total = total;
        }

        void at(long done) {
            long now = System.nanoTime();
            if (now - last < 2_000_000_000L && done < total) {
                return;
            }
            last = now;
            double seconds = (now - start) / 1e9;
            double rate = done / Math.max(seconds, 1e-9);
            System.err.printf("  %s %,d / %,d records, %,.0f records/s, ETA %.0f s%n", what, done, total, rate,
                    (total - done) / Math.max(rate, 1));
        }
    }

    /** Text chunks of rows made on a second thread while the database takes the previous ones. */
    private static final class Producer {
        private static final byte[] END = new byte[0];
        private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(4);

        Producer(Rows rows, Format format) {
            Thread t = new Thread(() -> {
                Row r = new Row();
                StringBuilder text = new StringBuilder(CHUNK * 400);
                int n = 0;
                try {
                    while (rows.next(r)) {
                        format.append(text, r);
                        if (++n == CHUNK) {
                            chunks.put(text.toString().getBytes(StandardCharsets.UTF_8));
                            text.setLength(0);
                            n = 0;
                        }
                    }
                    if (n > 0) {
                        chunks.put(text.toString().getBytes(StandardCharsets.UTF_8));
                    }
                    chunks.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "rows");
            t.setDaemon(true);
            t.start();
        }

        /** The next chunk, or null at the end. */
        byte[] next() throws InterruptedException {
            byte[] chunk = chunks.take();
            return chunk == END ? null : chunk;
        }
    }

    private interface Format {
        void append(StringBuilder out, Row r);
    }

    /** Tab-separated, {@code \N} for NULL: the text format of both COPY and LOAD DATA (our strings hold no tab, newline or backslash). */
    private static void tsv(StringBuilder out, Row r) {
        out.append(r.account).append('\t').append(r.room).append('\t').append(r.viewer).append('\t')
                .append(r.name).append('\t').append(r.photo).append('\t').append(r.thirdUuid).append('\t')
                .append(r.wxAppid == null ? "\\N" : r.wxAppid).append('\t')
                .append(r.wxOpenid == null ? "\\N" : r.wxOpenid).append('\t')
                .append(r.wxUnionid == null ? "\\N" : r.wxUnionid).append('\t')
                .append(r.stay).append('\t').append(r.live).append('\t').append(r.playback).append('\t')
                .append(r.creditedUntil).append('\t').append(r.ip).append('\t').append(r.area).append('\t')
                .append(r.device).append('\t').append(r.channelId).append('\t').append(r.channelName).append('\t')
                .append(r.storeId).append('\t').append(r.inviterId).append('\t').append(r.inviterName).append('\t')
                .append(r.firstVisit).append('\t').append(r.lastVisit).append('\t').append(r.updateTime).append('\n');
    }

    private static final String COLUMNS = "account_id, room_id, viewer_id, viewer_name, viewer_photo, third_uuid,"
            + " wx_appid, wx_openid, wx_unionid, stay_duration, live_duration, playback_duration, credited_until, ip,"
            + " area, device, channel_id, channel_name, store_id, inviter_id, inviter_name, first_visit, last_visit,"
            + " update_time";

    /** What differs between the databases for the load. */
    enum Db {
        POSTGRESQL("postgres", "VACUUM (ANALYZE) viewings") {
            @Override
            Connection connect(String url, String user) throws SQLException {
                Connection c = DriverManager.getConnection(url, user, "");
                exec(c, "SET synchronous_commit = off");
                return c;
            }

            @Override
            Map<String, String> secondaryIndexes(Connection c) throws SQLException {
                return query(c, "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'viewings'"
                        + " AND i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
                        + " WHERE k.conname = i.indexname) ORDER BY i.indexname");
            }

            @Override
            void beforeIndex(Connection c) throws SQLException {
                exec(c, "SET maintenance_work_mem = '512MB'");
                exec(c, "SET max_parallel_maintenance_workers = 2");
            }

            @Override
            void load(Connection c, Rows rows, long total, Progress progress) throws Exception {
                Producer producer = new Producer(rows, GenerateViewings::tsv);
                CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY viewings (" + COLUMNS
                        + ") FROM STDIN (FORMAT text)");
                long done = 0;
                for (byte[] chunk; (chunk = producer.next()) != null; ) {
                    copy.writeToCopy(chunk, 0, chunk.length);
                    done += lines(chunk);
                    progress.at(done);
                }
                copy.endCopy();
            }
        },
        MYSQL("root", "ANALYZE TABLE viewings") {
            @Override
            Connection connect(String url, String user) throws SQLException {
                String u = url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
                Connection c = DriverManager.getConnection(u + (u.contains("?") ? "&" : "?") + "allowLocalInfile=true",
                        user, "");
                exec(c, "SET SESSION unique_checks = 0");
                return c;
            }

            @Override
            Map<String, String> secondaryIndexes(Connection c) throws SQLException {
                Map<String, String> columns = query(c, "SELECT index_name, group_concat(column_name ORDER BY"
                        + " seq_in_index SEPARATOR ', ') FROM information_schema.statistics WHERE table_schema ="
                        + " database() AND table_name = 'viewings' AND index_name <> 'PRIMARY' GROUP BY index_name"
                        + " ORDER BY index_name");
                Map<String, String> indexes = new LinkedHashMap<>();
                columns.forEach((name, cols) -> indexes.put(name, "CREATE INDEX " + name + " ON viewings (" + cols + ")"));
                return indexes;
            }

            @Override
            String dropIndex(String name) {
                return "DROP INDEX " + name + " ON viewings";
            }

            @Override
            void load(Connection c, Rows rows, long total, Progress progress) throws Exception {
                Producer producer = new Producer(rows, GenerateViewings::tsv);
                c.setAutoCommit(false);
                long done = 0;
                try (Statement s = c.createStatement()) {
                    for (byte[] chunk; (chunk = producer.next()) != null; ) {
                        s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new ByteArrayInputStream(chunk));
                        s.execute("LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE viewings CHARACTER SET utf8mb4"
                                + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                                + COLUMNS + ")");
                        done += lines(chunk);
                        if (done % (CHUNK * 25L) == 0) {
                            c.commit();
                        }
                        progress.at(done);
                    }
                }
                c.commit();
                c.setAutoCommit(true);
            }
        },
        SQLITE("", "ANALYZE") {
            @Override
            Connection connect(String url, String user) throws SQLException {
                Connection c = DriverManager.getConnection(url);
                exec(c, "PRAGMA synchronous = OFF");
                exec(c, "PRAGMA cache_size = -262144");
                return c;
            }

            @Override
            Map<String, String> secondaryIndexes(Connection c) throws SQLException {
                return query(c, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'viewings'"
                        + " AND sql IS NOT NULL ORDER BY name");
            }

            @Override
            void load(Connection c, Rows rows, long total, Progress progress) throws Exception {
                c.setAutoCommit(false);
                Row r = new Row();
                long done = 0;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO viewings (" + COLUMNS + ") VALUES ("
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    while (rows.next(r)) {
                        int p = 1;
                        s.setLong(p++, r.account);
                        s.setLong(p++, r.room);
                        s.setLong(p++, r.viewer);
                        s.setString(p++, r.name);
                        s.setString(p++, r.photo);
                        s.setString(p++, r.thirdUuid);
                        s.setString(p++, r.wxAppid);
                        s.setString(p++, r.wxOpenid);
                        s.setString(p++, r.wxUnionid);
                        s.setLong(p++, r.stay);
                        s.setLong(p++, r.live);
                        s.setLong(p++, r.playback);
                        s.setLong(p++, r.creditedUntil);
                        s.setString(p++, r.ip);
                        s.setString(p++, r.area);
                        s.setString(p++, r.device);
                        s.setLong(p++, r.channelId);
                        s.setString(p++, r.channelName);
                        s.setString(p++, r.storeId);
                        s.setLong(p++, r.inviterId);
                        s.setString(p++, r.inviterName);
                        s.setLong(p++, r.firstVisit);
                        s.setLong(p++, r.lastVisit);
                        s.setLong(p, r.updateTime);
                        s.addBatch();
                        if (++done % CHUNK == 0) {
                            s.executeBatch();
                            c.commit();
                            progress.at(done);
                        }
                    }
                    s.executeBatch();
                    c.commit();
                    progress.at(done);
                }
                c.setAutoCommit(true);
            }
        };

        final String user;
        final String analyze;

        Db(String user, String analyze) {
            this.user = user;
            this.analyze = analyze;
        }

        static Db of(String url) {
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
                return MYSQL;
            }
            return SQLITE;
        }

        abstract Connection connect(String url, String user) throws SQLException;

        abstract Map<String, String> secondaryIndexes(Connection c) throws SQLException;

        abstract void load(Connection c, Rows rows, long total, Progress progress) throws Exception;

        String dropIndex(String name) {
            return "DROP INDEX " + name;
        }

        void beforeIndex(Connection c) throws SQLException {
        }

        static Map<String, String> query(Connection c, String sql) throws SQLException {
            Map<String, String> out = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }

        static long lines(byte[] chunk) {
            long n = 0;
            for (byte b : chunk) {
                if (b == '\n') {
                    n++;
                }
            }
            return n;
        }
    }
}
