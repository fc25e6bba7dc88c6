package io.watchtime.server.ingest;

import io.watchtime.server.ingest.core.Audience;
import io.watchtime.server.ingest.core.Room;
import io.watchtime.server.ingest.core.StateStore;
import io.watchtime.server.ingest.core.ViewingState;
import io.watchtime.server.storage.BulkUpsert;
import io.watchtime.server.storage.Dialect;
import io.watchtime.server.storage.ViewingRow;
import io.watchtime.server.storage.ViewingsTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The writer's {@link StateStore}: SQL inside the group's transaction, loads by (room, viewer) pairs a few hundred
 * to a statement and saves as batched upserts. A failing statement surfaces as {@link StoreException}.
 */
final class JdbcStateStore implements StateStore {

    /** A statement failed; the writer rolls the group back. */
    static final class StoreException extends RuntimeException {
        StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }

    private static final int IN_LIST = 500;
    private static final String VIEWING_COLUMNS = ViewingsTable.selectList("t.");
    private static final List<String> ROUND_KEY = List.of("account_id", "room_id", "round_id", "viewer_id");
    private static final String ROUND_ROW = " WHERE account_id = ? AND room_id = ? AND round_id = ? AND viewer_id = ?";
    private static final List<BulkUpsert.Column> ROUND_KEY_COLUMNS = ROUND_KEY.stream().map(JdbcStateStore::bigint)
            .toList();
    private static final List<BulkUpsert.Column> ROUND_MERGED = List.of(
            bigint("stay_duration", Dialect.Merge.ADD), bigint("live_duration", Dialect.Merge.ADD),
            bigint("playback_duration", Dialect.Merge.ADD), bigint("first_visit", Dialect.Merge.LEAST),
            bigint("last_visit", Dialect.Merge.GREATEST), bigint("update_time", Dialect.Merge.REPLACE));

    private final Dialect dialect;
    private final Connection c;
    private final BulkUpsert viewingRows;

    JdbcStateStore(Dialect dialect, Connection connection) {
        this.dialect = dialect;
        this.c = connection;
        this.viewingRows = ViewingsTable.bulkUpsert(dialect);
    }

    @Override
    public List<Room> loadRooms(long accountId, Collection<Long> roomIds) {
        List<Long> found = new ArrayList<>();
        Map<Long, List<Room.Round>> rounds = new HashMap<>();
        List<Long> all = new ArrayList<>(roomIds);
        try {
            for (int from = 0; from < all.size(); from += IN_LIST) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
                select("SELECT room_id FROM rooms WHERE account_id = ? AND room_id IN (" + marks(chunk.size()) + ")",
                        accountId, chunk, rs -> found.add(rs.getLong(1)));
                select("SELECT room_id, round_id, started_at, ended_at FROM rounds WHERE account_id = ? AND room_id IN ("
                        + marks(chunk.size()) + ") ORDER BY room_id, started_at, round_id", accountId, chunk,
                        rs -> rounds.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                                .add(new Room.Round(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return found.stream().map(roomId -> new Room(accountId, roomId, rounds.getOrDefault(roomId, List.of())))
                .toList();
    }

    @Override
    public List<ViewingRow> loadViewings(long accountId, Map<Long, Set<Long>> viewersByRoom) {
        List<ViewingRow> found = new ArrayList<>();
        selectPairs(VIEWING_COLUMNS, ViewingsTable.NAME, accountId, viewersByRoom,
                rs -> found.add(ViewingsTable.read(rs, 1)));
        return found;
    }

    @Override
    public List<ViewingRow> loadViewingsCreditedAfter(long accountId, long roomId, long after) {
        List<ViewingRow> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + VIEWING_COLUMNS + " FROM " + ViewingsTable.NAME
                + " t WHERE t.account_id = ? AND t.room_id = ? AND t.credited_until > ?")) {
            s.setLong(1, accountId);
            s.setLong(2, roomId);
            s.setLong(3, after);
            readAll(s, rs -> found.add(ViewingsTable.read(rs, 1)));
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return found;
    }

    @Override
    public void save(long accountId, Collection<Room> rooms, Collection<ViewingState> viewings, Audience audience) {
        try {
            saveRooms(accountId, rooms);
            viewingRows.execute(c, viewings.stream().map(v -> ViewingsTable.values(v.row())).toList());
            saveRoundViewings(accountId, audience);
            saveMinutes(accountId, audience.minutes());
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Adds the group's deltas to round_viewings, one batched upsert: the rows are never loaded, but for the round-0
     * rows of a room whose first round just started, which move into that round (once in a room's life). A round
     * that lost seconds gets its last visit capped, and its row deleted when it kept none.
     */
    private void saveRoundViewings(long accountId, Audience audience) throws SQLException {
        Map<List<Long>, Audience.RoundViewing> byRow = new LinkedHashMap<>(); // by room, round, viewer
        for (Audience.RoundViewing d : audience.roundViewings()) {
            byRow.put(List.of(d.roomId(), d.roundId(), d.viewerId()), d);
        }
        for (Audience.FirstRound first : audience.firstRounds()) {
            try (PreparedStatement s = c.prepareStatement("SELECT viewer_id, stay_duration, live_duration,"
                    + " playback_duration, first_visit, last_visit FROM round_viewings WHERE account_id = ?"
                    + " AND room_id = ? AND round_id = 0")) {
                s.setLong(1, accountId);
                s.setLong(2, first.roomId());
                readAll(s, rs -> byRow.merge(List.of(first.roomId(), first.roundId(), rs.getLong(1)),
                        new Audience.RoundViewing(first.roomId(), first.roundId(), rs.getLong(1), rs.getLong(2),
                                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), Audience.NO_CAP,
                                first.updateTime()), Audience.RoundViewing::plus));
            }
        }
        Collection<Audience.RoundViewing> deltas = byRow.values();
        if (deltas.isEmpty()) {
            return;
        }
        new BulkUpsert(dialect, "round_viewings", ROUND_KEY_COLUMNS, ROUND_MERGED).execute(c, deltas.stream()
                .map(d -> new Object[] {accountId, d.roomId(), d.roundId(), d.viewerId(), d.stay(), d.live(),
                        d.playback(), d.firstVisit(), d.lastVisit(), d.updateTime()}).toList());
        List<Audience.RoundViewing> capped = deltas.stream().filter(Audience.RoundViewing::capped).toList();
        if (!capped.isEmpty()) {
            try (PreparedStatement cap = c.prepareStatement("UPDATE round_viewings SET last_visit = ?" + ROUND_ROW
                    + " AND last_visit > ?");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM round_viewings" + ROUND_ROW
                         + " AND stay_duration = 0")) {
                for (Audience.RoundViewing d : capped) {
                    cap.setLong(1, d.lastVisitCap());
                    bindRoundKey(cap, 2, accountId, d);
                    cap.setLong(6, d.lastVisitCap());
                    cap.addBatch();
                    bindRoundKey(delete, 1, accountId, d);
                    delete.addBatch();
                }
                cap.executeBatch();
                delete.executeBatch();
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM round_viewings WHERE account_id = ?"
                + " AND room_id = ? AND round_id = 0")) {
            for (Audience.FirstRound first : audience.firstRounds()) {
                delete.setLong(1, accountId);
                delete.setLong(2, first.roomId());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private static void bindRoundKey(PreparedStatement s, int first, long accountId, Audience.RoundViewing d)
            throws SQLException {
        s.setLong(first, accountId);
        s.setLong(first + 1, d.roomId());
        s.setLong(first + 2, d.roundId());
        s.setLong(first + 3, d.viewerId());
    }

    /** Adds the group's new viewers of each minute to room_minutes. */
    private void saveMinutes(long accountId, List<Audience.RoomMinute> minutes) throws SQLException {
        new BulkUpsert(dialect, "room_minutes", List.of(bigint("account_id"), bigint("room_id"), bigint("minute")),
                List.of(bigint("online", Dialect.Merge.ADD))).execute(c, minutes.stream()
                .map(m -> new Object[] {accountId, m.roomId(), m.minute(), m.online()}).toList());
    }

    private void saveRooms(long accountId, Collection<Room> rooms) throws SQLException {
        try (PreparedStatement roomRows = c.prepareStatement(dialect.upsert("rooms", List.of("account_id", "room_id"),
                     List.of("status")));
             PreparedStatement roundRows = c.prepareStatement(dialect.upsert("rounds",
                     List.of("account_id", "room_id", "round_id"), List.of("started_at", "ended_at")))) {
            for (Room room : rooms) {
                if (room.dirty()) {
                    roomRows.setLong(1, accountId);
                    roomRows.setLong(2, room.roomId());
                    roomRows.setString(3, room.status().name().toLowerCase(Locale.ROOT));
                    roomRows.addBatch();
                }
                for (Room.Round round : room.rounds()) {
                    if (round.dirty()) {
                        roundRows.setLong(1, accountId);
                        roundRows.setLong(2, room.roomId());
                        roundRows.setLong(3, round.roundId());
                        roundRows.setLong(4, round.startedAt());
                        roundRows.setLong(5, round.endedAt());
                        roundRows.addBatch();
                    }
                }
            }
            roomRows.executeBatch();
            roundRows.executeBatch();
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@link Dialect#selectPairs} over every (room, viewer) pair: one statement of two arrays where the
     * database takes them, else {@link #IN_LIST} pairs a statement.
     */
    private void selectPairs(String columns, String table, long accountId, Map<Long, Set<Long>> viewersByRoom,
            RowReader reader) {
        List<Long> rooms = new ArrayList<>();
        List<Long> viewers = new ArrayList<>();
        viewersByRoom.forEach((roomId, ids) -> ids.forEach(viewerId -> {
            rooms.add(roomId);
            viewers.add(viewerId);
        }));
        try {
            if (dialect.takesArrays()) {
                try (PreparedStatement s = c.prepareStatement(dialect.selectPairs(columns, table, rooms.size()))) {
                    s.setArray(1, c.createArrayOf("int8", rooms.toArray(Long[]::new)));
                    s.setArray(2, c.createArrayOf("int8", viewers.toArray(Long[]::new)));
                    s.setLong(3, accountId);
                    readAll(s, reader);
                }
                return;
            }
            for (int from = 0; from < rooms.size(); from += IN_LIST) {
                int to = Math.min(rooms.size(), from + IN_LIST);
                try (PreparedStatement s = c.prepareStatement(dialect.selectPairs(columns, table, to - from))) {
                    int i = 1;
                    for (int pair = from; pair < to; pair++) {
                        s.setLong(i++, rooms.get(pair));
                        s.setLong(i++, viewers.get(pair));
                    }
                    s.setLong(i, accountId);
                    readAll(s, reader);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private void select(String sql, long accountId, Collection<Long> ids, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, accountId);
            for (long id : ids) {
                s.setLong(i++, id);
            }
            readAll(s, reader);
        }
    }

    private static void readAll(PreparedStatement s, RowReader reader) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    private static BulkUpsert.Column bigint(String name) {
        return new BulkUpsert.Column(name, BulkUpsert.Type.BIGINT);
    }

    private static BulkUpsert.Column bigint(String name, Dialect.Merge merge) {
        return new BulkUpsert.Column(name, BulkUpsert.Type.BIGINT, merge);
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
