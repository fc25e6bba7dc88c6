package io.watchtime.bench;

import io.watchtime.bench.RealisticViewings.Part;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One big room among many small ones, for {@link RoomOpen}: {@code --room-viewers} records of room {@link #ROOM}
 * plus {@code --others} records of the same account in rooms of 20..380 viewers (the rows a careless query would
 * scan too), loaded like {@link GenerateViewings}; then what ingest keeps beside them for the big room: its
 * {@code rooms} row (live), round 1, a {@code round_viewings} row per viewer (the room's durations, as if the room
 * had one round) and {@code room_minutes} (viewers whose visit spans the minute). A re-run reuses the data.
 *
 * <pre>java -cp ... io.watchtime.bench.GenerateRoom --url URL [--user U] --account 1 --room-viewers 100000
 *     [--others 1000000]</pre>
 */
public final class GenerateRoom {

    /** Far above the account's generated small rooms (1 010 000 000 + their count). */
    static final long ROOM = 1_900_000_000L;

    private GenerateRoom() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args, "--url", "--account", "--room-viewers");
        String url = o.get("--url");
        long account = Long.parseLong(o.get("--account"));
        int viewers = Integer.parseInt(o.get("--room-viewers"));
        long others = Long.parseLong(o.getOrDefault("--others", "1000000"));
        Loader db = Loader.of(url);
        try (Connection c = db.connect(url, o.getOrDefault("--user", db.user))) {
            if (count(c, "SELECT count(*) FROM viewings WHERE account_id = " + account + " AND room_id = " + ROOM)
                    == viewers && count(c, "SELECT count(*) FROM viewings WHERE account_id = " + account) == viewers
                    + others) {
                System.out.printf("reusing: room %d already holds %,d viewers among %,d other records%n", ROOM,
                        viewers, others);
                return;
            }
            long now = System.currentTimeMillis() / 1000;
            List<Part> parts = List.of(new Part(account, others, account * 7 + 1),
                    new Part(account, viewers, account * 7 + 2, ROOM, viewers));
            GenerateViewings.load(db, c, new RealisticViewings(parts, now - 30 * 86_400L, now), others + viewers);
            long t = System.nanoTime();
            beside(c, account);
            System.out.printf("rooms, rounds, round_viewings and room_minutes of room %d in %.1f s%n", ROOM,
                    (System.nanoTime() - t) / 1e9);
        }
    }

    /** What ingest writes beside the room's records. */
    private static void beside(Connection c, long account) throws SQLException {
        String room = " WHERE account_id = " + account + " AND room_id = " + ROOM;
        for (String table : List.of("rooms", "rounds", "round_viewings", "room_minutes")) {
            Database.exec(c, "DELETE FROM " + table + room);
        }
        long first = count(c, "SELECT min(first_visit) FROM viewings" + room);
        long last = count(c, "SELECT max(last_visit) FROM viewings" + room);
        Database.exec(c, "INSERT INTO rooms (account_id, room_id, status) VALUES (" + account + ", " + ROOM + ", 'live')");
        Database.exec(c, "INSERT INTO rounds (account_id, room_id, round_id, started_at, ended_at) VALUES (" + account
                + ", " + ROOM + ", 1, " + (first - 60) + ", 0)");
        Database.exec(c, "INSERT INTO round_viewings (account_id, room_id, round_id, viewer_id, stay_duration,"
                + " live_duration, playback_duration, first_visit, last_visit, update_time) SELECT account_id, room_id,"
                + " 1, viewer_id, stay_duration, live_duration, playback_duration, first_visit, last_visit, update_time"
                + " FROM viewings" + room);
        long firstMinute = first - first % 60;
        long[] online = new long[(int) ((last - firstMinute) / 60 + 1)];
        try (PreparedStatement s = c.prepareStatement("SELECT first_visit, last_visit FROM viewings" + room);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                for (long m = (rs.getLong(1) - firstMinute) / 60; m <= (rs.getLong(2) - firstMinute) / 60; m++) {
                    online[(int) m]++;
                }
            }
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO room_minutes (account_id, room_id, minute, online) VALUES (?, ?, ?, ?)")) {
            for (int m = 0; m < online.length; m++) {
                if (online[m] > 0) {
                    s.setLong(1, account);
                    s.setLong(2, ROOM);
                    s.setLong(3, firstMinute + m * 60L);
                    s.setLong(4, online[m]);
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
        c.commit();
        c.setAutoCommit(auto);
        for (String table : List.of("round_viewings", "room_minutes")) {
            Database.exec(c, Loader.of(c.getMetaData().getURL()) == Loader.POSTGRESQL ? "VACUUM ANALYZE " + table
                    : Loader.of(c.getMetaData().getURL()) == Loader.MYSQL ? "ANALYZE TABLE " + table : "ANALYZE");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
