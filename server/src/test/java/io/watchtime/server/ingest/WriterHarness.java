package io.watchtime.server.ingest;

import com.zaxxer.hikari.HikariDataSource;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.WatchtimeProperties;
import io.watchtime.server.geo.Areas;
import io.watchtime.server.storage.Dialect;
import io.watchtime.server.viewing.Totals;
import org.springframework.jdbc.core.JdbcTemplate;
import io.watchtime.server.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;

/** The real writer on a real SQLite file, without the HTTP layer: fast enough for property tests. */
final class WriterHarness implements AutoCloseable {

    static final long NOW = 1_760_000_000L;

    private final HikariDataSource dataSource = new HikariDataSource();
    private final IngestWriter writer;
    private final IngestStore store;

    WriterHarness() {
        String url = TestDatabase.freshUrl();
        dataSource.setJdbcUrl(url);
        store = new IngestStore(Dialect.of(url));
        Dialect.of(url).configure(Flyway.configure().dataSource(dataSource)).load().migrate();
        WatchtimeProperties properties = new WatchtimeProperties(
                new WatchtimeProperties.Database(url, null, null), ZoneId.of("Asia/Shanghai"), "",
                new WatchtimeProperties.Crediting(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(5)),
                new WatchtimeProperties.RateLimit(1000, Duration.ofSeconds(10)),
                new WatchtimeProperties.Cursor(true));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW + 86_400), ZoneOffset.UTC);
        writer = new IngestWriter(dataSource, Dialect.of(url), clock, new Areas((byte[]) null), new Totals(new JdbcTemplate(dataSource)), properties);
        writer.start();
    }

    IngestWriter.Outcome ingest(long account, List<IngestEvent> events) {
        try {
            return writer.submit(account, events).await(30);
        } catch (Exception e) {
            throw new AssertionError("ingest failed", e);
        }
    }

    Viewing viewing(long account, long room, long viewer) {
        try (Connection c = dataSource.getConnection()) {
            return store.loadViewings(c, account, Map.of(room, Set.of(viewer))).stream()
                    .filter(v -> v.viewerId == viewer).findFirst().orElse(new Viewing(account, room, viewer));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    Room room(long account, long room) {
        try (Connection c = dataSource.getConnection()) {
            return store.loadRoom(c, account, room);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Every stored viewing of an account, as text without the account id, to compare whole states. */
    String dump(long account) {
        try (Connection c = dataSource.getConnection();
             var s = c.prepareStatement("SELECT * FROM viewings WHERE account_id = ? ORDER BY room_id, viewer_id")) {
            s.setLong(1, account);
            StringBuilder out = new StringBuilder();
            try (var rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 2; i <= columns; i++) {
                        out.append(rs.getString(i)).append('|');
                    }
                    out.append('\n');
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
