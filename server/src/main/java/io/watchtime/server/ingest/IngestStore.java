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

/** The SQL of the writer: loads the state that events touch and upserts what they changed, in batches. */
final class IngestStore {

    private static final int IN_LIST = 500;

    private final String upsertRoom;
    private final String upsertRound;
    private final String upsertSession;
    private final String upsertViewing;

    IngestStore(Dialect dialect) {
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
        Room.Status status;
        long liveCreditedUntil;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT status, live_credited_until FROM rooms WHERE account_id = ? AND room_id = ?")) {
            s.setLong(1, accountId);
            s.setLong(2, roomId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Room.fresh(accountId, roomId);
                }
                status = Room.Status.valueOf(rs.getString(1).toUpperCase(Locale.ROOT));
                liveCreditedUntil = rs.getLong(2);
            }
        }
        List<Room.Round> rounds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT round_id, started_at, ended_at FROM rounds"
                + " WHERE account_id = ? AND room_id = ? ORDER BY started_at, round_id")) {
            s.setLong(1, accountId);
            s.setLong(2, roomId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rounds.add(new Room.Round(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return new Room(accountId, roomId, status, liveCreditedUntil, rounds);
    }

    /** The sessions these viewers have in the room, known or not to the events at hand. */
    List<Session> loadSessions(Connection c, long accountId, long roomId, Collection<Long> viewerIds)
            throws SQLException {
        List<Session> found = new ArrayList<>();
        selectByViewers(c, "SELECT viewer_id, session_id, last_at, mode, ended FROM sessions", accountId, roomId,
                viewerIds, rs -> {
                    String mode = rs.getString(4);
                    found.add(new Session(accountId, roomId, rs.getLong(1), rs.getString(2), rs.getLong(3),
                            mode == null ? null : WatchMode.valueOf(mode.toUpperCase(Locale.ROOT)), rs.getInt(5) != 0));
                });
        return found;
    }

    /** The stored records of these viewers in the room, by viewer; a viewer without one is absent. */
    Map<Long, Viewing> loadViewings(Connection c, long accountId, long roomId, Collection<Long> viewerIds)
            throws SQLException {
        Map<Long, Viewing> found = new HashMap<>();
        selectByViewers(c, "SELECT viewer_name, viewer_photo, third_uuid, wx_appid, wx_openid, wx_unionid,"
                + " stay_duration, live_duration, playback_duration, credited_until, ip, area, device, channel_id,"
                + " channel_name, store_id, inviter_id, inviter_name, first_visit, last_visit, update_time, viewer_id"
                + " FROM viewings", accountId, roomId, viewerIds, rs -> {
                    Viewing v = new Viewing(accountId, roomId, rs.getLong(22));
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
                    found.put(v.viewerId, v);
                });
        return found;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code select} for the viewers of one room, in IN lists of at most {@link #IN_LIST} ids: one
     * statement for most rooms, and far below every driver's limit on parameters.
     */
    private static void selectByViewers(Connection c, String select, long accountId, long roomId,
            Collection<Long> viewerIds, RowReader reader) throws SQLException {
        List<Long> all = new ArrayList<>(viewerIds);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            try (PreparedStatement s = c.prepareStatement(select + " WHERE account_id = ? AND room_id = ?"
                    + " AND viewer_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                s.setLong(1, accountId);
                s.setLong(2, roomId);
                for (int i = 0; i < chunk.size(); i++) {
                    s.setLong(3 + i, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
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
