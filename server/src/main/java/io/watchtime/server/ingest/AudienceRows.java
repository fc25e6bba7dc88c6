package io.watchtime.server.ingest;

import static io.watchtime.server.storage.BulkUpsert.Column.bigint;

import io.watchtime.server.ingest.core.Audience;
import io.watchtime.server.storage.BulkUpsert;
import io.watchtime.server.storage.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a group adds to the per-round records ({@code round_viewings}) and the per-minute audience
 * ({@code room_minutes}), inside the group's transaction: additive deltas in one batched upsert a table.
 */
final class AudienceRows {

    private static final String ROUND_ROW = " WHERE account_id = ? AND room_id = ? AND round_id = ? AND viewer_id = ?";
    private static final List<BulkUpsert.Column> ROUND_KEY = List.of(bigint("account_id"), bigint("room_id"),
            bigint("round_id"), bigint("viewer_id"));
    private static final List<BulkUpsert.Column> ROUND_MERGED = List.of(
            bigint("stay_duration", Dialect.Merge.ADD), bigint("live_duration", Dialect.Merge.ADD),
            bigint("playback_duration", Dialect.Merge.ADD), bigint("first_visit", Dialect.Merge.LEAST),
            bigint("last_visit", Dialect.Merge.GREATEST), bigint("update_time", Dialect.Merge.REPLACE));

    private final Connection c;
    private final BulkUpsert roundRows;
    private final BulkUpsert minuteRows;

    AudienceRows(Dialect dialect, Connection connection) {
        this.c = connection;
        this.roundRows = new BulkUpsert(dialect, "round_viewings", ROUND_KEY, ROUND_MERGED);
        this.minuteRows = new BulkUpsert(dialect, "room_minutes", List.of(bigint("account_id"), bigint("room_id"),
                bigint("minute")), List.of(bigint("online", Dialect.Merge.ADD)));
    }

    void save(long accountId, Audience audience) throws SQLException {
        saveRoundViewings(accountId, audience);
        minuteRows.execute(c, audience.minutes().stream()
                .map(m -> new Object[] {accountId, m.roomId(), m.minute(), m.online()}).toList());
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
                JdbcStateStore.readAll(s, rs -> byRow.merge(List.of(first.roomId(), first.roundId(), rs.getLong(1)),
                        new Audience.RoundViewing(first.roomId(), first.roundId(), rs.getLong(1), rs.getLong(2),
                                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), Audience.NO_CAP,
                                first.updateTime()), Audience.RoundViewing::plus));
            }
        }
        Collection<Audience.RoundViewing> deltas = byRow.values();
        if (deltas.isEmpty()) {
            return;
        }
        roundRows.execute(c, deltas.stream()
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
}
