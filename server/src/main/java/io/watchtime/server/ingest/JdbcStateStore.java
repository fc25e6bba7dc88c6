package io.watchtime.server.ingest;

import io.watchtime.protocol.WatchMode;
import io.watchtime.server.ingest.core.Audience;
import io.watchtime.server.ingest.core.Room;
import io.watchtime.server.ingest.core.Session;
import io.watchtime.server.ingest.core.StateStore;
import io.watchtime.server.ingest.core.ViewingState;
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
    private static final Map<String, Dialect.Merge> ROUND_MERGED = new LinkedHashMap<>();

    static {
        ROUND_MERGED.put("stay_duration", Dialect.Merge.ADD);
        ROUND_MERGED.put("live_duration", Dialect.Merge.ADD);
        ROUND_MERGED.put("playback_duration", Dialect.Merge.ADD);
        ROUND_MERGED.put("first_visit", Dialect.Merge.LEAST);
        ROUND_MERGED.put("last_visit", Dialect.Merge.GREATEST);
        ROUND_MERGED.put("update_time", Dialect.Merge.REPLACE);
    }

    private final Dialect dialect;
    private final Connection c;

    JdbcStateStore(Dialect dialect, Connection connection) {
        this.dialect = dialect;
        this.c = connection;
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
    public List<Session> loadSessions(long accountId, Map<Long, Set<Long>> viewersByRoom) {
        List<Session> found = new ArrayList<>();
        selectPairs("t.room_id, t.viewer_id, t.session_id, t.last_at, t.mode, t.ended", "sessions", accountId,
                viewersByRoom, rs -> {
                    String mode = rs.getString(5);
                    found.add(new Session(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            mode == null ? null : WatchMode.valueOf(mode.toUpperCase(Locale.ROOT)), rs.getInt(6) != 0));
                });
        return found;
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
    public void save(long accountId, Collection<Room> rooms, Collection<Session> sessions,
            Collection<ViewingState> viewings, Audience audience) {
        try {
            saveRooms(accountId, rooms);
            saveSessions(accountId, sessions);
            try (PreparedStatement s = c.prepareStatement(ViewingsTable.upsert(dialect))) {
                for (ViewingState v : viewings) {
                    ViewingsTable.bind(s, 1, v.row());
                    s.addBatch();
                }
                s.executeBatch();
            }
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
        try (PreparedStatement upsert = c.prepareStatement(dialect.upsert("round_viewings", ROUND_KEY, ROUND_MERGED))) {
            for (Audience.RoundViewing d : deltas) {
                bindRoundKey(upsert, 1, accountId, d);
                upsert.setLong(5, d.stay());
                upsert.setLong(6, d.live());
                upsert.setLong(7, d.playback());
                upsert.setLong(8, d.firstVisit());
                upsert.setLong(9, d.lastVisit());
                upsert.setLong(10, d.updateTime());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
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

    /** Adds the group's new viewers of each minute to room_minutes, one batched upsert. */
    private void saveMinutes(long accountId, List<Audience.RoomMinute> minutes) throws SQLException {
        if (minutes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement(dialect.upsert("room_minutes",
                List.of("account_id", "room_id", "minute"), Map.of("online", Dialect.Merge.ADD)))) {
            for (Audience.RoomMinute minute : minutes) {
                upsert.setLong(1, accountId);
                upsert.setLong(2, minute.roomId());
                upsert.setLong(3, minute.minute());
                upsert.setLong(4, minute.online());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
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

    private void saveSessions(long accountId, Collection<Session> sessions) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(dialect.upsert("sessions",
                List.of("account_id", "room_id", "viewer_id", "session_id"), List.of("last_at", "mode", "ended")))) {
            for (Session session : sessions) {
                upsert.setLong(1, accountId);
                upsert.setLong(2, session.roomId());
                upsert.setLong(3, session.viewerId());
                upsert.setString(4, session.sessionId());
                upsert.setLong(5, session.lastAt());
                upsert.setString(6, session.mode() == null ? null : session.mode().wire());
                upsert.setInt(7, session.ended() ? 1 : 0);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@link Dialect#selectPairs} over every (room, viewer) pair, {@link #IN_LIST} pairs a statement. */
    private void selectPairs(String columns, String table, long accountId, Map<Long, Set<Long>> viewersByRoom,
            RowReader reader) {
        List<Long> ids = new ArrayList<>();
        viewersByRoom.forEach((roomId, viewers) -> viewers.forEach(viewerId -> {
            ids.add(roomId);
            ids.add(viewerId);
        }));
        try {
            for (int from = 0; from < ids.size(); from += 2 * IN_LIST) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 2 * IN_LIST));
                try (PreparedStatement s = c.prepareStatement(dialect.selectPairs(columns, table, chunk.size() / 2))) {
                    int i = 1;
                    for (long id : chunk) {
                        s.setLong(i++, id);
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

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
