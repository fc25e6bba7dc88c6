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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The writer's {@link StateStore}: SQL inside the group's transaction, loads by (room, viewer) pairs a few hundred
 * to a statement and saves as batched upserts (the round rows and minutes through {@link AudienceRows}). A failing
 * statement surfaces as {@link StoreException}.
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

    private final Dialect dialect;
    private final Connection c;
    private final BulkUpsert viewingRows;
    private final AudienceRows audienceRows;

    JdbcStateStore(Dialect dialect, Connection connection) {
        this.dialect = dialect;
        this.c = connection;
        this.viewingRows = ViewingsTable.bulkUpsert(dialect);
        this.audienceRows = new AudienceRows(dialect, connection);
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
            audienceRows.save(accountId, audience);
        } catch (SQLException e) {
            throw new StoreException(e);
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

    interface RowReader {
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

    static void readAll(PreparedStatement s, RowReader reader) throws SQLException {
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
