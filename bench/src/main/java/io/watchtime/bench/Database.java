package io.watchtime.bench;

import io.watchtime.server.storage.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's database, straight on JDBC, for the anchors: connections, and reading results to the end. */
final class Database {

    /** Work on one connection. */
    interface ConnectionTask {
        void run(Connection c) throws Exception;
    }

    final Dialect dialect;
    private final String url;
    private final String user;

    Database(String url, String user) {
        this.url = url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
        this.user = user;
        this.dialect = Dialect.of(url);
    }

    Connection connect() throws SQLException {
        return dialect == Dialect.SQLITE ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, "");
    }

    /** Oldest and newest {@code update_time} of the account. */
    long[] timeRange(long account) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT min(update_time), max(update_time) FROM viewings WHERE account_id = ?")) {
            s.setLong(1, account);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** Runs {@code task} on N threads, each with a connection of its own; rethrows the first failure. */
    void onThreads(int threads, ConnectionTask task) throws Exception {
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try (Connection c = connect()) {
                    task.run(c);
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** Runs the query, reads every column of every row; returns (update_time, room, viewer) of the last row. */
    static long[] readAll(PreparedStatement s) throws SQLException {
        long[] last = null;
        try (ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                last = new long[] {rs.getLong("update_time"), rs.getLong("room_id"), rs.getLong("viewer_id")};
            }
        }
        return last;
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
