package io.watchtime.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets sessions silent for a day, hourly, ten minutes' worth at a time between groups, so that no single
 * delete holds up ingest however many sessions a day brings. Crediting stays idempotent without them: each
 * record's credited_until refuses a second credited before.
 */
final class SessionPruner {

    private static final Logger log = LoggerFactory.getLogger(SessionPruner.class);
    private static final long EVERY_SECONDS = 3600;
    private static final long KEEP_SECONDS = 86_400;
    private static final long SLICE_SECONDS = 600;

    private final DataSource dataSource;
    private final Clock clock;
    private long lastRun;
    private long pruneUntil; // 0: no pruning under way
    private int pruned;

    SessionPruner(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One slice of work when a pruning is due or under way; the writer's thread calls it between groups. */
    void step() {
        long now = clock.instant().getEpochSecond();
        if (pruneUntil == 0 && now - lastRun < EVERY_SECONDS) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (pruneUntil == 0) {
                lastRun = now;
                pruneUntil = now - KEEP_SECONDS;
            }
            long oldest = oldestSession(c); // by the last_at index: sparse old data is skipped at once
            if (oldest < pruneUntil) {
                pruned += deleteBefore(c, Math.min(oldest + SLICE_SECONDS, pruneUntil));
            } else {
                if (pruned > 0) {
                    log.info("forgot {} sessions silent for over a day", pruned);
                }
                pruneUntil = 0;
                pruned = 0;
            }
        } catch (SQLException e) {
            log.warn("session pruning failed, will retry in an hour: {}", e.toString());
            pruneUntil = 0;
        }
    }

    /** The last event time of the longest-silent session, or {@code Long.MAX_VALUE} when there is none. */
    private static long oldestSession(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT min(last_at) FROM sessions");
             ResultSet rs = s.executeQuery()) {
            long oldest = rs.next() ? rs.getLong(1) : 0;
            return oldest == 0 ? Long.MAX_VALUE : oldest;
        }
    }

    private static int deleteBefore(Connection c, long before) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE last_at < ?")) {
            s.setLong(1, before);
            return s.executeUpdate();
        }
    }
}
