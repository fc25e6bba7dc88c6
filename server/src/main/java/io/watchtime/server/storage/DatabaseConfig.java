package io.watchtime.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.watchtime.server.settings.DatabaseLocation;
import io.watchtime.server.settings.WatchtimeProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool, the dialect and the schema location for the database that
 * {@code watchtime.database.url} names. SQLite (the embedded default) gets its file's folder made and WAL
 * with full syncs; PostgreSQL and MySQL/MariaDB are used as they are configured.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    private static final long CONNECTION_TIMEOUT_MILLIS = 2000;

    @Bean
    Dialect dialect(WatchtimeProperties properties) {
        return Dialect.of(properties.database().url());
    }

    @Bean
    FlywayConfigurationCustomizer schemaOfTheDialect(Dialect dialect) {
        return dialect::configure;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(WatchtimeProperties properties, Dialect dialect) {
        return pool(properties.database(), dialect);
    }

    /** The pool for these settings, as the server opens it (tests open theirs the same way). */
    public static HikariDataSource pool(WatchtimeProperties.Database database, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("watchtime");
        // The MariaDB driver serves MySQL too, but answers only to its own scheme.
        config.setJdbcUrl(database.url().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"));
        config.setUsername(database.username());
        config.setPassword(database.password());
        // A request waits at most this long for a connection: an unreachable database is a quick 503, not a hang.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(Math.min(1000, CONNECTION_TIMEOUT_MILLIS));
        if (dialect == Dialect.SQLITE) {
            createFolderOf(database.url());
            // WAL lets readers run beside the one writer; FULL makes every commit survive a power cut.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            // A transaction takes the write lock when it begins, so it waits for another writer (the CLI)
            // instead of failing when it upgrades from reading to writing.
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(8);
        } else if (dialect == Dialect.POSTGRESQL) {
            // The writer's batched upserts go as multi-row INSERTs: one round trip per hundreds of rows.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("connectTimeout", "2"); // seconds: a host that does not answer
        } else {
            config.addDataSourceProperty("connectTimeout", "2000"); // milliseconds (MariaDB's driver)
        }
        return new HikariDataSource(config);
    }

    private static void createFolderOf(String url) {
        Path parent = DatabaseLocation.sqliteFile(url).map(Path::getParent).orElse(null);
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent
                    + "; make it writable, or choose another file with --database=FILE (watchtime.database.url)", e);
        }
    }
}
