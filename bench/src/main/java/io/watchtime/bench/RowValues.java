package io.watchtime.bench;

import io.watchtime.server.storage.ViewingRow;
import io.watchtime.server.storage.ViewingsTable;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The values of a {@link ViewingRow} in {@link ViewingsTable#COLUMNS} order (a {@code Long}, a {@code String} or
 * null each), for the bench's text formats (COPY, LOAD DATA, SQL literals). They are read through
 * {@link ViewingsTable#bind}, the table's one mapping of fields to columns, into a statement that only records
 * what it is given: so a new column reaches these formats without an edit here. Not thread-safe: one per thread.
 */
final class RowValues {

    private final Object[] values = new Object[ViewingsTable.COLUMNS.size()];
    private final PreparedStatement recorder = (PreparedStatement) Proxy.newProxyInstance(
            RowValues.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "setLong", "setInt", "setString", "setObject" -> values[(int) args[0] - 1] = args[1];
                    case "setNull" -> values[(int) args[0] - 1] = null;
                    default -> throw new UnsupportedOperationException("RowValues records setters only: " + method);
                }
                return null;
            });

    /** The row's values, in column order; the array is reused by the next call. */
    Object[] of(ViewingRow row) {
        try {
            ViewingsTable.bind(recorder, 1, row);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    /**
     * Tab-separated, {@code \N} for NULL, one line: the text format of both COPY and LOAD DATA (the generated
     * strings hold no tab, newline or backslash).
     */
    void appendTsv(StringBuilder out, ViewingRow row) {
        Object[] v = of(row);
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            if (v[i] instanceof Long number) {
                out.append(number.longValue());
            } else {
                out.append(v[i] == null ? "\\N" : (String) v[i]);
            }
        }
        out.append('\n');
    }

    /** The value of {@code column} as an SQL literal: a number, a quoted string or NULL. */
    String literal(ViewingRow row, int column) {
        Object v = of(row)[column];
        return v == null ? "NULL" : v instanceof String s ? "'" + s.replace("'", "''") + "'" : v.toString();
    }
}
