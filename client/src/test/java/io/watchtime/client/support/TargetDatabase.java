package io.watchtime.client.support;

import io.watchtime.server.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A fresh database on this machine's PostgreSQL or MariaDB, made (and dropped when the JVM ends) by the server's
 * own {@link TestDatabase}. A server that is not there fails the test.
 */
public record TargetDatabase(String url) {

    public enum Kind { POSTGRESQL, MARIADB }

    public static TargetDatabase create(Kind kind) {
        return new TargetDatabase(TestDatabase.freshUrl(kind.name().toLowerCase(Locale.ROOT)));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }
}
