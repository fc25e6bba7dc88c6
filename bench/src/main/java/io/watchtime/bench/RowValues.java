package io.watchtime.bench;

import io.watchtime.server.storage.ViewingRow;
import io.watchtime.server.storage.ViewingsTable;

/**
 * The values of a {@link ViewingRow} in {@link ViewingsTable#COLUMNS} order (a {@code Long}, a {@code String} or
 * null each), for the bench's text formats (COPY, LOAD DATA, SQL literals), read through the table's one mapping of
 * fields to columns: so a new column reaches these formats without an edit here. Not thread-safe: one per thread.
 */
final class RowValues {

    private final Object[] values = new Object[ViewingsTable.COLUMNS.size()];

    /** The row's values, in column order; the array is reused by the next call. */
    Object[] of(ViewingRow row) {
        for (int i = 0; i < values.length; i++) {
            values[i] = ViewingsTable.COLUMNS.get(i).value().apply(row);
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
