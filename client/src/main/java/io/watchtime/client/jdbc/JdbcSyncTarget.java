package io.watchtime.client.jdbc;

import io.watchtime.client.sync.SyncState;
import io.watchtime.client.sync.SyncTarget;
import io.watchtime.client.viewing.ViewingColumn;
import io.watchtime.client.viewing.WalkPosition;
import io.watchtime.protocol.ViewingRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A table in PostgreSQL or MySQL/MariaDB, one row per (room_id, wechat_user_space_id) with the contract's
 * fields as columns (visit times as timestamps in the server's zone); created when missing, and a table of an
 * older version, with visit times as text, converted. The sync state lives beside it in {@value #STATE_TABLE}, one row
 * per target table, written in the same transaction as the records it follows.
 */
public final class JdbcSyncTarget implements SyncTarget {

    public static final String STATE_TABLE = "watchtime_sync_state";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final Connection connection;
    private final String table;
    private final SqlDialect dialect;
    private final String upsert;

    /** Uses (and does not close) {@code connection}; creates the tables when missing. */
    public JdbcSyncTarget(Connection connection, String table) throws SQLException {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("table name must be letters, digits and _ (not starting with a digit,"
                    + " at most 63), got \"" + table + "\"");
        }
        this.connection = connection;
        this.table = table;
        this.dialect = SqlDialect.of(connection.getMetaData().getDatabaseProductName());
        this.upsert = dialect.upsert(table);
        createTables();
    }

    private void createTables() throws SQLException {
        String columns = Stream.of(ViewingColumn.values())
                .map(c -> c.field() + " " + dialect.type(c)
                        + (c == ViewingColumn.ROOM_ID || c == ViewingColumn.WECHAT_USER_SPACE_ID ? " NOT NULL" : ""))
                .collect(Collectors.joining(", "));
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + columns
                    + ", PRIMARY KEY (room_id, wechat_user_space_id))" + dialect.tableOptions());
            s.execute("CREATE TABLE IF NOT EXISTS " + STATE_TABLE + " (target_table VARCHAR(63) NOT NULL PRIMARY KEY,"
                    + " watermark BIGINT NOT NULL, lower_bound BIGINT, cursor_text VARCHAR(2048), page BIGINT,"
                    + " window_total BIGINT, max_delivered BIGINT NOT NULL, started_at BIGINT NOT NULL,"
                    + " updated_at BIGINT NOT NULL)"
                    + dialect.tableOptions());
        }
        new TextVisitTimes(connection, table, dialect).convert();
    }

    @Override
    public SyncState load() {
        try (PreparedStatement s = connection.prepareStatement("SELECT watermark, lower_bound, cursor_text, page,"
                + " window_total, max_delivered, started_at FROM " + STATE_TABLE + " WHERE target_table = ?")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return SyncState.INITIAL;
                }
                long lowerBound = rs.getLong(2);
                WalkPosition position = rs.wasNull() ? null
                        : new WalkPosition(lowerBound, rs.getString(3), rs.getLong(4), rs.getLong(5));
                return new SyncState(rs.getLong(1), position, rs.getLong(6), rs.getLong(7));
            }
        } catch (SQLException e) {
            throw new SyncTargetException("cannot read the sync state from " + STATE_TABLE, e);
        }
    }

    @Override
    public void save(List<ViewingRecord> records, SyncState state) {
        try {
            connection.setAutoCommit(false);
            try {
                upsert(records);
                saveState(state);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SyncTargetException("cannot write to table " + table, e);
        }
    }

    private void upsert(List<ViewingRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        ViewingColumn[] columns = ViewingColumn.values();
        try (PreparedStatement s = connection.prepareStatement(upsert)) {
            for (ViewingRecord record : records) {
                for (int i = 0; i < columns.length; i++) {
                    Object value = value(columns[i], record);
                    if (value == null) {
                        s.setNull(i + 1, columns[i].isInteger() ? Types.BIGINT
                                : columns[i].isDateTime() ? Types.TIMESTAMP : Types.VARCHAR);
                    } else {
                        s.setObject(i + 1, value);
                    }
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The column's value as stored: visit times as date-times, so the table can be queried by time. */
    private Object value(ViewingColumn column, ViewingRecord record) {
        Object value = column.of(record);
        if (!column.isDateTime()) {
            return value;
        }
        try {
            return ViewingColumn.visitTime((String) value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record " + record.roomId() + "/" + record.wechatUserSpaceId() + ": "
                    + column.field() + " " + e.getMessage() + "; the server does not follow the contract", e);
        }
    }

    private void saveState(SyncState state) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(dialect.saveState())) {
            WalkPosition p = state.position();
            s.setString(1, table);
            s.setLong(2, state.watermark());
            s.setObject(3, p == null ? null : p.lowerBound(), Types.BIGINT);
            s.setString(4, p == null ? null : p.cursor());
            s.setObject(5, p == null ? null : p.page(), Types.BIGINT);
            s.setObject(6, p == null ? null : p.windowTotal(), Types.BIGINT);
            s.setLong(7, state.maxDelivered());
            s.setLong(8, state.startedAt());
            s.setLong(9, System.currentTimeMillis() / 1000);
            s.executeUpdate();
        }
    }

    /** A database failure, with the table it was about; the SQLException is its cause. */
    public static final class SyncTargetException extends RuntimeException {
        public SyncTargetException(String message, SQLException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
