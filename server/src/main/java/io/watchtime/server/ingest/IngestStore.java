package io.watchtime.server.ingest;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.protocol.WatchMode;
import io.watchtime.server.storage.Dialect;
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

/** The SQL of the writer: loads the state that events touch and upserts what they changed, in batches. */
final class IngestStore {

    private static final int IN_LIST = 500;

    private final Dialect dialect;
    private final String upsertRoom;
    private final String upsertRound;
    private final String upsertSession;
    private final String upsertViewing;

    IngestStore(Dialect dialect) {
        this.dialect = dialect;
        upsertRoom = dialect.upsert("rooms", List.of("account_id", "room_id"), List.of("status", "live_credited_until"));
        upsertRound = dialect.upsert("rounds", List.of("account_id", "room_id", "round_id"),
                List.of("started_at", "ended_at"));
        upsertSession = dialect.upsert("sessions", List.of("account_id", "room_id", "viewer_id", "session_id"),
                List.of("last_at", "mode", "ended"));
        upsertViewing = dialect.upsert("viewings", List.of("account_id", "room_id", "viewer_id"), List.of("viewer_name",
                "viewer_photo", "third_uuid", "wx_appid", "wx_openid", "wx_unionid", "stay_duration", "live_duration",
                "playback_duration", "credited_until", "ip", "area", "device", "channel_id", "channel_name", "store_id",
                "inviter_id", "inviter_name", "first_visit", "last_visit", "update_time"));
    }

    Room loadRoom(Connection c, long accountId, long roomId) throws SQLException {
        return loadRooms(c, accountId, List.of(roomId)).get(roomId);
    }

    /** These rooms of the account with their rounds; a room never seen is fresh. */
    Map<Long, Room> loadRooms(Connection c, long accountId, Collection<Long> roomIds) throws SQLException {
        Map<Long, Room.Status> status = new HashMap<>();
        Map<Long, Long> liveCreditedUntil = new HashMap<>();
        Map<Long, List<Room.Round>> rounds = new HashMap<>();
        List<Long> all = new ArrayList<>(roomIds);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            select(c, "SELECT room_id, status, live_credited_until FROM rooms WHERE account_id = ? AND room_id IN ("
                    + marks(chunk.size()) + ")", accountId, chunk, List.of(), rs -> {
                        status.put(rs.getLong(1), Room.Status.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)));
                        liveCreditedUntil.put(rs.getLong(1), rs.getLong(3));
                    });
            select(c, "SELECT room_id, round_id, started_at, ended_at FROM rounds WHERE account_id = ? AND room_id IN ("
                    + marks(chunk.size()) + ") ORDER BY room_id, started_at, round_id", accountId, chunk, List.of(),
                    rs -> rounds.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Room.Round(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
        }
        Map<Long, Room> loaded = new HashMap<>();
        for (long roomId : roomIds) {
            loaded.put(roomId, status.containsKey(roomId)
                    ? new Room(accountId, roomId, status.get(roomId), liveCreditedUntil.get(roomId),
                            rounds.getOrDefault(roomId, new ArrayList<>()))
                    : Room.fresh(accountId, roomId));
        }
        return loaded;
    }

    /** The sessions these viewers have in these rooms (viewers by room). */
    List<Session> loadSessions(Connection c, long accountId, Map<Long, Set<Long>> viewersByRoom) throws SQLException {
        List<Session> found = new ArrayList<>();
        selectPairs(c, "t.room_id, t.viewer_id, t.session_id, t.last_at, t.mode, t.ended", "sessions",
                accountId, viewersByRoom, rs -> {
                    String mode = rs.getString(5);
                    found.add(new Session(accountId, rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            mode == null ? null : WatchMode.valueOf(mode.toUpperCase(Locale.ROOT)), rs.getInt(6) != 0));
                });
        return found;
    }

    /** The stored records of these viewers in these rooms (viewers by room); a new one is absent. */
    List<Viewing> loadViewings(Connection c, long accountId, Map<Long, Set<Long>> viewersByRoom) throws SQLException {
        List<Viewing> found = new ArrayList<>();
        selectPairs(c, "t.viewer_name, t.viewer_photo, t.third_uuid, t.wx_appid, t.wx_openid, t.wx_unionid,"
                + " t.stay_duration, t.live_duration, t.playback_duration, t.credited_until, t.ip, t.area, t.device,"
                + " t.channel_id, t.channel_name, t.store_id, t.inviter_id, t.inviter_name, t.first_visit, t.last_visit,"
                + " t.update_time, t.viewer_id, t.room_id", "viewings", accountId, viewersByRoom, rs -> {
                    Viewing v = new Viewing(accountId, rs.getLong(23), rs.getLong(22));
                    v.name = rs.getString(1);
                    v.photo = rs.getString(2);
                    v.thirdUuid = rs.getString(3);
                    v.thirdWechatInfo = ThirdWechatInfo.of(rs.getString(4), rs.getString(5), rs.getString(6));
                    v.stay = rs.getLong(7);
                    v.live = rs.getLong(8);
                    v.playback = rs.getLong(9);
                    v.creditedUntil = rs.getLong(10);
                    v.ip = rs.getString(11);
                    v.area = rs.getString(12);
                    v.device = rs.getString(13);
                    v.channel = ChannelInfo.of(rs.getLong(14), rs.getString(15), rs.getString(16));
                    v.inviterId = rs.getLong(17);
                    v.inviterName = rs.getString(18);
                    v.firstVisit = rs.getLong(19);
                    v.lastVisit = rs.getLong(20);
                    v.updateTime = rs.getLong(21);
                    found.add(v);
                });
        return found;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@link Dialect#selectPairs} over every (room, viewer) pair, {@link #IN_LIST} pairs a statement. */
    private void selectPairs(Connection c, String columns, String table, long accountId,
            Map<Long, Set<Long>> viewersByRoom, RowReader reader) throws SQLException {
        List<Long> ids = new ArrayList<>();
        viewersByRoom.forEach((roomId, viewers) -> viewers.forEach(viewerId -> {
            ids.add(roomId);
            ids.add(viewerId);
        }));
        for (int from = 0; from < ids.size(); from += 2 * IN_LIST) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 2 * IN_LIST));
            try (PreparedStatement s = c.prepareStatement(dialect.selectPairs(columns, table, chunk.size() / 2))) {
                int i = 1;
                for (long id : chunk) {
                    s.setLong(i++, id);
                }
                s.setLong(i, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    private static void select(Connection c, String sql, long accountId, Collection<Long> first,
            Collection<Long> second, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, accountId);
            for (long id : first) {
                s.setLong(i++, id);
            }
            for (long id : second) {
                s.setLong(i++, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    void saveRooms(Connection c, Collection<Room> rooms) throws SQLException {
        try (PreparedStatement roomRows = c.prepareStatement(upsertRoom);
             PreparedStatement roundRows = c.prepareStatement(upsertRound)) {
            for (Room room : rooms) {
                if (room.dirty) {
                    roomRows.setLong(1, room.accountId);
                    roomRows.setLong(2, room.roomId);
                    roomRows.setString(3, room.status.name().toLowerCase(Locale.ROOT));
                    roomRows.setLong(4, room.liveCreditedUntil);
                    roomRows.addBatch();
                }
                for (Room.Round round : room.rounds) {
                    if (round.dirty) {
                        roundRows.setLong(1, room.accountId);
                        roundRows.setLong(2, room.roomId);
                        roundRows.setLong(3, round.roundId);
                        roundRows.setLong(4, round.startedAt);
                        roundRows.setLong(5, round.endedAt);
                        roundRows.addBatch();
                    }
                }
            }
            roomRows.executeBatch();
            roundRows.executeBatch();
        }
    }

    void saveSessions(Connection c, Collection<Session> sessions) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(upsertSession)) {
            for (Session session : sessions) {
                if (!session.dirty) {
                    continue;
                }
                upsert.setLong(1, session.accountId);
                upsert.setLong(2, session.roomId);
                upsert.setLong(3, session.viewerId);
                upsert.setString(4, session.sessionId);
                upsert.setLong(5, session.lastAt);
                upsert.setString(6, session.mode == null ? null : session.mode.wire());
                upsert.setInt(7, session.ended ? 1 : 0);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    void saveViewings(Connection c, Collection<Viewing> viewings, long updateTime) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(upsertViewing)) {
            for (Viewing v : viewings) {
                if (!v.dirty) {
                    continue;
                }
                v.updateTime = updateTime;
                int i = 1;
                s.setLong(i++, v.accountId);
                s.setLong(i++, v.roomId);
                s.setLong(i++, v.viewerId);
                s.setString(i++, v.name);
                s.setString(i++, v.photo);
                s.setString(i++, v.thirdUuid);
                s.setString(i++, v.thirdWechatInfo.authorizerAppid());
                s.setString(i++, v.thirdWechatInfo.openid());
                s.setString(i++, v.thirdWechatInfo.unionid());
                s.setLong(i++, v.stay);
                s.setLong(i++, v.live);
                s.setLong(i++, v.playback);
                s.setLong(i++, v.creditedUntil);
                s.setString(i++, v.ip);
                s.setString(i++, v.area);
                s.setString(i++, v.device);
                s.setLong(i++, v.channel.known() ? v.channel.channelId() : 0);
                s.setString(i++, v.channel.known() ? v.channel.channelName() : "");
                s.setString(i++, v.channel.known() ? v.channel.storeId() : "");
                s.setLong(i++, v.inviterId);
                s.setString(i++, v.inviterName);
                s.setLong(i++, v.firstVisit);
                s.setLong(i++, v.lastVisit);
                s.setLong(i, v.updateTime);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The last event time of the longest-silent session, or {@code Long.MAX_VALUE} when there is none. */
    long oldestSession(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT min(last_at) FROM sessions");
             ResultSet rs = s.executeQuery()) {
            long oldest = rs.next() ? rs.getLong(1) : 0;
            return oldest == 0 ? Long.MAX_VALUE : oldest;
        }
    }

    /** Forgets sessions silent since {@code before}; crediting stays idempotent through each record's creditedUntil. */
    int pruneSessions(Connection c, long before) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE last_at < ?")) {
            s.setLong(1, before);
            return s.executeUpdate();
        }
    }
}
