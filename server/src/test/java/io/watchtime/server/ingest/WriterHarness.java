package io.watchtime.server.ingest;

import io.watchtime.server.support.Events;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.ingest.core.CoreHarness;
import io.watchtime.server.ingest.core.Enriched;
import io.watchtime.server.settings.WatchtimeProperties;
import io.watchtime.server.storage.DatabaseConfig;
import io.watchtime.server.storage.Dialect;
import io.watchtime.server.storage.ViewingRow;
import io.watchtime.server.storage.ViewingsTable;
import io.watchtime.server.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * The real writer on a real database of the run's kind, without the HTTP layer, on the same clock as
 * {@link CoreHarness}, so that the two can be compared record for record.
 */
final class WriterHarness implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final IngestWriter writer;

    WriterHarness() {
        this(TestDatabase.freshUrl());
    }

    /** A writer on the database at {@code url}: several harnesses on one URL are several nodes. */
    WriterHarness(String url) {
        Dialect dialect = Dialect.of(url);
        WatchtimeProperties.Database database = new WatchtimeProperties.Database(url, null, null);
        dataSource = DatabaseConfig.pool(database, dialect);
        dialect.configure(Flyway.configure().dataSource(dataSource)).load().migrate();
        WatchtimeProperties properties = new WatchtimeProperties(database, ZoneId.of("Asia/Shanghai"), "",
                new WatchtimeProperties.Crediting(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(5),
                        Duration.ofHours(1)),
                new WatchtimeProperties.RateLimit(1000, Duration.ofSeconds(10), 1),
                new WatchtimeProperties.Cursor(true), new WatchtimeProperties.Redis("", Duration.ofMillis(500), ""),
                new WatchtimeProperties.Ingest(2), Duration.ofSeconds(30));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(CoreHarness.UPDATE_TIME), ZoneOffset.UTC);
        writer = new IngestWriter(dataSource, dialect, clock, (account, version, changes) -> { }, properties,
                new SimpleMeterRegistry());
        writer.start();
    }

    /** Queues the events and returns at once; the ticket completes after their commit. */
    Ticket submit(long account, List<IngestEvent> events) {
        return writer.submit(account, Events.enriched(events));
    }

    /** A connection of this node's pool, for a test that plays another node's transaction. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    IngestAck ingest(long account, List<IngestEvent> events) {
        try {
            return writer.submit(account, Events.enriched(events)).await(Duration.ofSeconds(30));
        } catch (Exception e) {
            throw new AssertionError("ingest failed", e);
        }
    }

    /** Every stored record of an account, as {@link CoreHarness#dump} writes them. */
    String dump(long account) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + ViewingsTable.selectList("") + " FROM viewings"
                     + " WHERE account_id = ? ORDER BY room_id, viewer_id")) {
            s.setLong(1, account);
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ViewingRow row = ViewingsTable.read(rs, 1);
                    out.append(CoreHarness.dump(row)).append('\n');
                }
            }
            return out.toString();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The account's round rows and minutes, as {@link CoreHarness#dumpAudience} writes them. */
    String dumpAudience(long account) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement rounds = c.prepareStatement("SELECT room_id, round_id, viewer_id, stay_duration,"
                     + " live_duration, playback_duration, first_visit, last_visit, update_time FROM round_viewings"
                     + " WHERE account_id = ? ORDER BY room_id, round_id, viewer_id");
             PreparedStatement minutes = c.prepareStatement("SELECT room_id, minute, online FROM room_minutes"
                     + " WHERE account_id = ? ORDER BY room_id, minute")) {
            StringBuilder out = new StringBuilder();
            rounds.setLong(1, account);
            try (ResultSet rs = rounds.executeQuery()) {
                while (rs.next()) {
                    long[] row = new long[9];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getLong(i + 1);
                    }
                    out.append(CoreHarness.dumpRound(row)).append('\n');
                }
            }
            minutes.setLong(1, account);
            try (ResultSet rs = minutes.executeQuery()) {
                while (rs.next()) {
                    out.append("minute ").append(rs.getLong(1)).append(' ').append(rs.getLong(2)).append(' ')
                            .append(rs.getLong(3)).append('\n');
                }
            }
            return out.toString();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        writer.stop();
        dataSource.close();
    }
}
