package io.watchtime.client.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database named {@code wt_test_<random>} on this machine's PostgreSQL (127.0.0.1:5432, postgres) or
 * MariaDB (127.0.0.1:3306, root), dropped by {@link #close()}. A server that is not there fails the test.
 */
public final class TargetDatabase implements AutoCloseable {

    public enum Kind { POSTGRESQL, MARIADB }

    private final Kind kind;
    private final String name;

    private TargetDatabase(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    public static TargetDatabase create(Kind kind) {
        String name = "wt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        run(kind, adminUrl(kind), kind == Kind.POSTGRESQL ? "CREATE DATABASE " + name
                : "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        return new TargetDatabase(kind, name);
    }

    /** The URL of the database, credentials in it. */
    public String url() {
        return kind == Kind.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres"
                : "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    public void close() {
        run(kind, adminUrl(kind), kind == Kind.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + name);
    }

    private static String adminUrl(Kind kind) {
        return kind == Kind.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"
                : "jdbc:mariadb://127.0.0.1:3306/?user=root";
    }

    private static void run(Kind kind, String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the " + kind + " server of this machine is needed at " + url + " ("
                    + e.getMessage() + "); start it (.ci/run does)", e);
        }
    }
}
