package io.watchtime.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database for a test, of the kind the run is for: the system property
 * {@code watchtime.test.database} is {@code sqlite} (the default), {@code postgresql} or {@code mariadb}
 * (the pom sets it per pass), on this machine's standard local ports. Server
 * databases are dropped when the test JVM ends. A missing server fails the test loudly, never skips it.
 */
public final class TestDatabase {

    private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    private TestDatabase() {
    }

    public static String kind() {
        return System.getProperty("watchtime.test.database", "sqlite");
    }

    /** The JDBC URL (credentials included) of a new database of the run's kind. */
    public static String freshUrl() {
        return freshUrl(kind());
    }

    /** The same for a kind named here: {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    public static String freshUrl(String kind) {
        String name = "wt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (kind) {
            case "sqlite" -> "jdbc:sqlite:" + freshSqliteFile();
            case "postgresql" -> {
                String admin = POSTGRESQL + "postgres?user=postgres";
                run(admin, "CREATE DATABASE " + name);
                dropAtExit(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                yield POSTGRESQL + name + "?user=postgres";
            }
            case "mariadb" -> {
                String admin = MARIADB + "?user=root";
                run(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                dropAtExit(admin, "DROP DATABASE IF EXISTS " + name);
                yield MARIADB + name + "?user=root";
            }
            default -> throw new IllegalStateException("watchtime.test.database must be sqlite, postgresql or mariadb, got "
                    + kind);
        };
    }

    /** The port of a networked kind's server, for a test that puts something between it and the server. */
    public static int port(String kind) {
        return switch (kind) {
            case "postgresql" -> 5432;
            case "mariadb" -> 3306;
            default -> throw new IllegalArgumentException(kind + " is not reached over the network");
        };
    }

    private static Path freshSqliteFile() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-db"));
            return dir.resolve(UUID.randomUUID() + ".db").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a " + kind() + " test database at " + url + " (" + e.getMessage()
                    + "); start the server (.ci/run does), or run the SQLite pass alone with -Dwatchtime.sqlite-only", e);
        }
    }

    private static void dropAtExit(String url, String sql) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(url, sql);
            } catch (RuntimeException e) {
                System.err.println("could not drop a test database: " + e.getMessage());
            }
        }));
    }
}
