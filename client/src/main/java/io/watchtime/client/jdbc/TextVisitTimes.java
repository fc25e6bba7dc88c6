package io.watchtime.client.jdbc;

import io.watchtime.client.viewing.ViewingColumn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Converts a table made by an older version of the client, which kept visit times as text (VARCHAR(19)), to
 * date-time columns in place, so that its rows are kept and the next sync goes on from its watermark. An empty
 * text (never visited) becomes NULL. When a value is not a time (edited by hand), nothing is changed and the
 * sync stops with what to do.
 */
final class TextVisitTimes {

    private static final System.Logger LOG = System.getLogger(TextVisitTimes.class.getName());

    private final Connection connection;
    private final String table;
    private final SqlDialect dialect;

    TextVisitTimes(Connection connection, String table, SqlDialect dialect) {
        this.connection = connection;
        this.table = table;
        this.dialect = dialect;
    }

    void convert() throws SQLException {
        List<ViewingColumn> text = textColumns();
        if (text.isEmpty()) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            if (dialect == SqlDialect.POSTGRESQL) {
                // One statement: PostgreSQL converts both columns or neither.
                s.execute("ALTER TABLE " + table + " " + text.stream().map(c -> "ALTER COLUMN " + c.field()
                        + " TYPE TIMESTAMP USING CAST(NULLIF(" + c.field() + ", '') AS TIMESTAMP)")
                        .collect(Collectors.joining(", ")));
            } else {
                // MariaDB's ALTER copies the table and refuses an '' (strict mode): empty texts become NULL first.
                s.executeUpdate("UPDATE " + table + " SET " + text.stream()
                        .map(c -> c.field() + " = NULLIF(" + c.field() + ", '')").collect(Collectors.joining(", ")));
                s.execute("ALTER TABLE " + table + " " + text.stream()
                        .map(c -> "MODIFY " + c.field() + " DATETIME NULL").collect(Collectors.joining(", ")));
            }
        } catch (SQLException e) {
            throw new JdbcSyncTarget.SyncTargetException("table " + table + " was made by an older watchtime-client,"
                    + " with visit times as text, and they cannot be converted to timestamps (correct the value the"
                    + " database names, or sync into a new table: another --table, which starts from the beginning)", e);
        }
        LOG.log(System.Logger.Level.INFO, "table {0}: converted {1} from text to timestamps (made by an older"
                + " watchtime-client)", table, text.stream().map(ViewingColumn::field).collect(Collectors.joining(", ")));
    }

    /** The visit-time columns the table holds as text; read from a query's metadata, as both databases name it. */
    private List<ViewingColumn> textColumns() throws SQLException {
        List<ViewingColumn> visitTimes = Stream.of(ViewingColumn.values()).filter(ViewingColumn::isDateTime).toList();
        String names = visitTimes.stream().map(ViewingColumn::field).collect(Collectors.joining(", "));
        List<ViewingColumn> text = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + names + " FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData columns = rs.getMetaData();
            for (int i = 0; i < visitTimes.size(); i++) {
                int type = columns.getColumnType(i + 1);
                if (type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.NVARCHAR) {
                    text.add(visitTimes.get(i));
                }
            }
        }
        return text;
    }
}
