package io.watchtime.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.watchtime.server.settings.WatchtimeProperties;
import io.watchtime.server.support.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bulk upsert on the run's database, across MariaDB's statement chunks: inserts, then merges as told. */
class BulkUpsertTest {

    private static final int ROWS = 2 * BulkUpsert.ROWS_PER_STATEMENT + 37; // two full statements and a rest
    private static HikariDataSource dataSource;
    private static Dialect dialect;

    @BeforeAll
    static void open() {
        String url = TestDatabase.freshUrl();
        dialect = Dialect.of(url);
        dataSource = DatabaseConfig.pool(new WatchtimeProperties.Database(url, null, null), dialect);
        dialect.configure(Flyway.configure().dataSource(dataSource)).load().migrate();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void insertsEveryRowThenMergesEachColumnAsTold() throws Exception {
        BulkUpsert minutes = new BulkUpsert(dialect, "room_minutes", List.of(bigint("account_id"), bigint("room_id"),
                bigint("minute")), List.of(new BulkUpsert.Column("online", BulkUpsert.Type.BIGINT, Dialect.Merge.ADD)));
        BulkUpsert rooms = new BulkUpsert(dialect, "rooms", List.of(bigint("account_id"), bigint("room_id")),
                List.of(new BulkUpsert.Column("status", BulkUpsert.Type.TEXT)));

        upsert(minutes, i -> new Object[] {1L, (long) i % 7, 60L * i, 2L});
        upsert(minutes, i -> new Object[] {1L, (long) i % 7, 60L * i, (long) i});
        upsert(rooms, i -> new Object[] {1L, (long) i, "live"});
        upsert(rooms, i -> new Object[] {1L, (long) i, i % 2 == 0 ? "ended" : "live"});

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM room_minutes", Long.class)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT sum(online) FROM room_minutes", Long.class))
                .isEqualTo(2L * ROWS + (long) ROWS * (ROWS - 1) / 2);
        assertThat(jdbc.queryForObject("SELECT online FROM room_minutes WHERE minute = 60000", Long.class))
                .isEqualTo(1002);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rooms WHERE status = 'ended'", Long.class))
                .isEqualTo((ROWS + 1) / 2);
    }

    private static void upsert(BulkUpsert upsert, IntFunction<Object[]> row) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(row.apply(i));
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            upsert.execute(c, rows);
            c.commit();
        }
    }

    private static BulkUpsert.Column bigint(String name) {
        return new BulkUpsert.Column(name, BulkUpsert.Type.BIGINT);
    }
}
