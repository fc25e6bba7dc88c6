package io.watchtime.bench;

import io.watchtime.server.storage.ViewingRow;
import io.watchtime.server.storage.ViewingsTable;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * How each database takes the generated rows fastest, and what else differs for the load: PostgreSQL by
 * {@code COPY ... FROM STDIN} (text), MariaDB/MySQL by {@code LOAD DATA LOCAL INFILE} from a stream, SQLite by
 * batched inserts. Every column list is {@link ViewingsTable}'s, in its order, as {@link RowValues} writes a row.
 */
enum Loader {
    POSTGRESQL("postgres", "VACUUM (ANALYZE) viewings") {
        @Override
        Connection connect(String url, String user) throws SQLException {
            Connection c = DriverManager.getConnection(url, user, "");
            Database.exec(c, "SET synchronous_commit = off");
            return c;
        }

        @Override
        Map<String, String> secondaryIndexes(Connection c) throws SQLException {
            return query(c, "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'viewings'"
                    + " AND i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
                    + " WHERE k.conname = i.indexname) ORDER BY i.indexname");
        }

        @Override
        void beforeIndex(Connection c) throws SQLException {
            Database.exec(c, "SET maintenance_work_mem = '512MB'");
            Database.exec(c, "SET max_parallel_maintenance_workers = 2");
        }

        @Override
        void load(Connection c, RealisticViewings rows, Progress progress) throws Exception {
            TextChunks chunks = new TextChunks(rows);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + ViewingsTable.NAME + " ("
                    + ViewingsTable.selectList("") + ") FROM STDIN (FORMAT text)");
            long done = 0;
            for (TextChunks.Chunk chunk; (chunk = chunks.next()) != null; ) {
                copy.writeToCopy(chunk.text(), 0, chunk.text().length);
                done += chunk.rows();
                progress.at(done);
            }
            copy.endCopy();
        }
    },
    MYSQL("root", "ANALYZE TABLE viewings") {
        @Override
        Connection connect(String url, String user) throws SQLException {
            String u = url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
            Connection c = DriverManager.getConnection(u + (u.contains("?") ? "&" : "?") + "allowLocalInfile=true",
                    user, "");
            Database.exec(c, "SET SESSION unique_checks = 0");
            return c;
        }

        @Override
        Map<String, String> secondaryIndexes(Connection c) throws SQLException {
            Map<String, String> columns = query(c, "SELECT index_name, group_concat(column_name ORDER BY"
                    + " seq_in_index SEPARATOR ', ') FROM information_schema.statistics WHERE table_schema ="
                    + " database() AND table_name = 'viewings' AND index_name <> 'PRIMARY' GROUP BY index_name"
                    + " ORDER BY index_name");
            Map<String, String> indexes = new LinkedHashMap<>();
            columns.forEach((name, cols) -> indexes.put(name, "CREATE INDEX " + name + " ON viewings (" + cols + ")"));
            return indexes;
        }

        @Override
        String dropIndex(String name) {
            return "DROP INDEX " + name + " ON viewings";
        }

        @Override
        void load(Connection c, RealisticViewings rows, Progress progress) throws Exception {
            TextChunks chunks = new TextChunks(rows);
            String load = "LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE " + ViewingsTable.NAME + " CHARACTER SET utf8mb4"
                    + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                    + ViewingsTable.selectList("") + ")";
            c.setAutoCommit(false);
            long done = 0;
            try (Statement s = c.createStatement()) {
                for (TextChunks.Chunk chunk; (chunk = chunks.next()) != null; ) {
                    s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(
                            new ByteArrayInputStream(chunk.text()));
                    s.execute(load);
                    done += chunk.rows();
                    if (done % (TextChunks.ROWS * 25L) == 0) {
                        c.commit();
                    }
                    progress.at(done);
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
    },
    SQLITE("", "ANALYZE") {
        private static final int BATCH = 20_000;

        @Override
        Connection connect(String url, String user) throws SQLException {
            Connection c = DriverManager.getConnection(url);
            Database.exec(c, "PRAGMA synchronous = OFF");
            Database.exec(c, "PRAGMA cache_size = -262144");
            return c;
        }

        @Override
        Map<String, String> secondaryIndexes(Connection c) throws SQLException {
            return query(c, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'viewings'"
                    + " AND sql IS NOT NULL ORDER BY name");
        }

        @Override
        void load(Connection c, RealisticViewings rows, Progress progress) throws Exception {
            c.setAutoCommit(false);
            ViewingRow r = new ViewingRow();
            long done = 0;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + ViewingsTable.NAME + " ("
                    + ViewingsTable.selectList("") + ") VALUES ("
                    + String.join(", ", Collections.nCopies(ViewingsTable.COLUMNS.size(), "?")) + ")")) {
                while (rows.next(r)) {
                    ViewingsTable.bind(s, 1, r);
                    s.addBatch();
                    if (++done % BATCH == 0) {
                        s.executeBatch();
                        c.commit();
                        progress.at(done);
                    }
                }
                s.executeBatch();
                c.commit();
                progress.at(done);
            }
            c.setAutoCommit(true);
        }
    };

    final String user;
    final String analyze;

    Loader(String user, String analyze) {
        this.user = user;
        this.analyze = analyze;
    }

    static Loader of(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        return SQLITE;
    }

    abstract Connection connect(String url, String user) throws SQLException;

    /** Index name to the statement that builds it again, for every index but the primary key. */
    abstract Map<String, String> secondaryIndexes(Connection c) throws SQLException;

    abstract void load(Connection c, RealisticViewings rows, Progress progress) throws Exception;

    String dropIndex(String name) {
        return "DROP INDEX " + name;
    }

    void beforeIndex(Connection c) throws SQLException {
    }

    private static Map<String, String> query(Connection c, String sql) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
