package io.watchtime.client.cli;

import io.watchtime.client.WatchtimeClient;
import io.watchtime.client.WatchtimeException;
import io.watchtime.client.jdbc.JdbcSyncTarget;
import io.watchtime.client.sync.SyncResult;
import io.watchtime.client.sync.ViewingSync;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sync}: every record changed since the last sync into a PostgreSQL or MySQL/MariaDB table, upserted
 * by (room_id, wechat_user_space_id); the watermark and resume state live in the same database.
 */
@Command(name = "sync", description = "Copy every record changed since the last sync into a database table.")
final class SyncCommand implements Callable<Integer> {

    @Mixin
    private ServerOptions server;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "jdbc:postgresql://host:5432/db or jdbc:mariadb://host:3306/db (jdbc:mysql: works too).")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "Database user.")
    private String user;

    @Option(names = "--password", defaultValue = "${env:WATCHTIME_DB_PASSWORD}", paramLabel = "PASSWORD",
            description = "Database password (default: $WATCHTIME_DB_PASSWORD).")
    private String password;

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "The table; created when missing.")
    private String table;

    @Option(names = "--every", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Sync again at this interval (like 5m) until stopped; without it, sync once.")
    private Duration every;

    @Option(names = "--overlap", defaultValue = "120s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Each sync reads again this much before the newest record it has (default: ${DEFAULT-VALUE}).")
    private Duration overlap;

    @Override
    public Integer call() throws InterruptedException {
        if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:mariadb:")
                && !jdbcUrl.startsWith("jdbc:mysql:")) {
            throw new UserError("--jdbc-url must start with jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:, got " + jdbcUrl);
        }
        WatchtimeClient client = server.client();
        while (true) {
            try {
                SyncResult result = syncOnce(client);
                server.err().println(Instant.now() + " synced " + result.records() + " records in " + result.requests()
                        + " requests (" + result.strategy() + (result.resumed() ? ", resumed" : "")
                        + "); the next sync starts at update_time " + result.state().watermark());
            } catch (WatchtimeException | JdbcSyncTarget.SyncTargetException e) {
                if (every == null || isPermanent(e)) {
                    throw e;
                }
                server.err().println(Instant.now() + " sync failed, trying again in " + every.toSeconds() + " s: "
                        + WatchtimeCli.describe(e));
            }
            if (every == null) {
                return 0;
            }
            Thread.sleep(every.toMillis());
        }
    }

    private SyncResult syncOnce(WatchtimeClient client) {
        // MariaDB's driver takes jdbc:mysql: URLs only with a flag; the README promises both spellings.
        String url = jdbcUrl.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + jdbcUrl.substring("jdbc:mysql:".length()) : jdbcUrl;
        try (Connection connection = user == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, user, password)) {
            return new ViewingSync(client, new JdbcSyncTarget(connection, table), overlap).run();
        } catch (SQLException e) {
            throw new UserError("cannot use the database at " + jdbcUrl + ": " + e.getMessage()
                    + " (check --jdbc-url, --user and --password)");
        }
    }

    /** A wrong key or a refused request will not heal by waiting; stop instead of failing every interval. */
    private static boolean isPermanent(RuntimeException e) {
        return e instanceof WatchtimeException w && w.status() >= 400 && w.status() < 500 && w.status() != 429;
    }
}
