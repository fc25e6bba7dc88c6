package io.watchtime.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Upserts many rows of one table in as few statements as each database runs fastest. PostgreSQL: one statement
 * whose columns arrive as arrays ({@code INSERT ... SELECT FROM unnest(...)}), a parameter per column whatever
 * the row count, parsed once. MySQL/MariaDB: multi-row {@code VALUES} of up to {@link #ROWS_PER_STATEMENT} rows,
 * where the driver would otherwise send every row as a statement of its own. SQLite: a JDBC batch of one-row
 * statements, since an in-process statement costs no round trip. Rows must differ in their key.
 */
public final class BulkUpsert {

    /** The SQL type a column's values are sent as: {@link Long} or {@link String}, or null. */
    public enum Type {
        BIGINT(Types.BIGINT, "int8"), TEXT(Types.VARCHAR, "text");

        private final int jdbcType;
        private final String postgresName;

        Type(int jdbcType, String postgresName) {
            this.jdbcType = jdbcType;
            this.postgresName = postgresName;
        }
    }

    /** A column, and how an offered value merges into a stored row's (key columns never merge). */
    public record Column(String name, Type type, Dialect.Merge merge) {
        public Column(String name, Type type) {
            this(name, type, Dialect.Merge.REPLACE);
        }

        /** A bigint column: a key column, or one whose offered value replaces the stored one. */
        public static Column bigint(String name) {
            return new Column(name, Type.BIGINT);
        }

        public static Column bigint(String name, Dialect.Merge merge) {
            return new Column(name, Type.BIGINT, merge);
        }
    }

    /** Bounds a MariaDB statement's parameters (at most 65 535) and its size for any table we have. */
    static final int ROWS_PER_STATEMENT = 500;

    private final Dialect dialect;
    private final String table;
    private final List<Column> columns;
    private final String onConflict;
    private final String oneRow;
    private final String unnest;

    public BulkUpsert(Dialect dialect, String table, List<Column> key, List<Column> updated) {
        this.dialect = dialect;
        this.table = table;
        List<Column> all = new ArrayList<>(key);
        all.addAll(updated);
        this.columns = List.copyOf(all);
        List<String> keyNames = key.stream().map(Column::name).toList();
        Map<String, Dialect.Merge> merged = new LinkedHashMap<>();
        updated.forEach(c -> merged.put(c.name(), c.merge()));
        this.onConflict = dialect.onConflict(table, keyNames, merged);
        this.oneRow = dialect.upsert(table, keyNames, merged);
        this.unnest = "INSERT INTO " + table + " (" + names() + ") SELECT * FROM unnest("
                + columns.stream().map(c -> "?::" + c.type().postgresName + "[]").collect(Collectors.joining(", "))
                + ")" + onConflict;
    }

    /** Upserts {@code rows}, each holding a value per column in the order the constructor was given them. */
    public void execute(Connection connection, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        switch (dialect) {
            case POSTGRESQL -> unnest(connection, rows);
            case MYSQL -> multiRow(connection, rows);
            case SQLITE -> batch(connection, rows);
        }
    }

    private void unnest(Connection connection, List<Object[]> rows) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(unnest)) {
            for (int column = 0; column < columns.size(); column++) {
                // Typed arrays: the driver sends a Long[] in binary, where a plain Object[] is printed as text.
                int size = rows.size();
                Object[] values = columns.get(column).type() == Type.BIGINT ? new Long[size] : new String[size];
                for (int row = 0; row < values.length; row++) {
                    values[row] = rows.get(row)[column];
                }
                s.setArray(column + 1, connection.createArrayOf(columns.get(column).type().postgresName, values));
            }
            s.executeUpdate();
        }
    }

    private void multiRow(Connection connection, List<Object[]> rows) throws SQLException {
        int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement s = connection.prepareStatement(multiRow(ROWS_PER_STATEMENT))) {
                for (int from = 0; from < full; from += ROWS_PER_STATEMENT) {
                    bindRows(s, rows.subList(from, from + ROWS_PER_STATEMENT));
                    s.executeUpdate();
                }
            }
        }
        if (full < rows.size()) {
            List<Object[]> rest = rows.subList(full, rows.size());
            try (PreparedStatement s = connection.prepareStatement(multiRow(rest.size()))) {
                bindRows(s, rest);
                s.executeUpdate();
            }
        }
    }

    private void batch(Connection connection, List<Object[]> rows) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(oneRow)) {
            for (Object[] row : rows) {
                bindRows(s, List.<Object[]>of(row));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void bindRows(PreparedStatement s, List<Object[]> rows) throws SQLException {
        int index = 1;
        for (Object[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                Object value = row[column];
                if (value == null) {
                    s.setNull(index++, columns.get(column).type().jdbcType);
                } else {
                    s.setObject(index++, value);
                }
            }
        }
    }

    private String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private String multiRow(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "INSERT INTO " + table + " (" + names() + ") VALUES " + String.join(", ", Collections.nCopies(rows, row))
                + onConflict;
    }
}
