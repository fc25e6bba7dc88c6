package io.watchtime.client.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchtime.client.support.Records;
import io.watchtime.client.support.TargetDatabase;
import io.watchtime.client.sync.SyncState;
import io.watchtime.client.viewing.ViewingColumn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Visit times are timestamps in the sync's table, also in a table an older version made with text columns. */
class VisitTimeColumnsTest {

    private static final LocalDateTime FIRST = LocalDateTime.of(2025, 9, 16, 15, 6, 6);
    private static final LocalDateTime LAST = LocalDateTime.of(2025, 9, 16, 15, 16, 6);

    @ParameterizedTest
    @EnumSource(TargetDatabase.Kind.class)
    void visitTimesAreStoredAsTimestamps(TargetDatabase.Kind kind) throws Exception {
        try (Connection c = TargetDatabase.create(kind).connect()) {
            JdbcSyncTarget target = new JdbcSyncTarget(c, "viewings");
            target.save(List.of(Records.record(1, 7, "观众", 30, 200)), new SyncState(100, null, 200, 0));

            assertThat(types(c, "viewings")).containsExactly(Types.TIMESTAMP, Types.TIMESTAMP);
            assertThat(visitTimes(c, "viewings")).containsExactly(FIRST + " " + LAST);
        }
    }

    @ParameterizedTest
    @EnumSource(TargetDatabase.Kind.class)
    void aTableOfTheOlderVersionIsConvertedAndKeepsItsRows(TargetDatabase.Kind kind) throws Exception {
        try (Connection c = TargetDatabase.create(kind).connect()) {
            olderTable(c, kind, "('2025-09-16 15:06:06', '2025-09-16 15:16:06')", "('', '2025-09-16 15:16:06')");

            JdbcSyncTarget target = new JdbcSyncTarget(c, "old_viewings");
            assertThat(types(c, "old_viewings")).containsExactly(Types.TIMESTAMP, Types.TIMESTAMP);
            assertThat(visitTimes(c, "old_viewings")).containsExactly(FIRST + " " + LAST, "null " + LAST);

            target.save(List.of(Records.record(3, 7, "观众", 30, 200)), new SyncState(100, null, 200, 0));
            assertThat(visitTimes(c, "old_viewings")).hasSize(3).contains(FIRST + " " + LAST);
        }
    }

    @ParameterizedTest
    @EnumSource(TargetDatabase.Kind.class)
    void anOlderTableWhoseTimesAreNotTimesIsRefusedWithWhatToDo(TargetDatabase.Kind kind) throws Exception {
        try (Connection c = TargetDatabase.create(kind).connect()) {
            olderTable(c, kind, "('2025-09-16 15:06:06', 'edited by hand')");

            assertThatThrownBy(() -> new JdbcSyncTarget(c, "old_viewings"))
                    .isInstanceOf(JdbcSyncTarget.SyncTargetException.class)
                    .hasMessageStartingWith("table old_viewings was made by an older watchtime-client, with visit times"
                            + " as text, and they cannot be converted to timestamps (correct the value the database"
                            + " names, or sync into a new table: another --table, which starts from the beginning): ");
            assertThat(types(c, "old_viewings")).as("left as it was").containsExactly(Types.VARCHAR, Types.VARCHAR);
        }
    }

    /** The table as the previous version made it (visit times VARCHAR(19)), with rows of the given visit times. */
    private static void olderTable(Connection c, TargetDatabase.Kind kind, String... visitTimes) throws Exception {
        String columns = Stream.of(ViewingColumn.values())
                .map(col -> col.field() + (col.isInteger() ? " BIGINT" : " VARCHAR(" + col.maxLength() + ")"))
                .collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE old_viewings (" + columns + ", PRIMARY KEY (room_id, wechat_user_space_id))"
                    + (kind == TargetDatabase.Kind.MARIADB ? " DEFAULT CHARSET=utf8mb4" : ""));
            for (int i = 0; i < visitTimes.length; i++) {
                String[] pair = visitTimes[i].substring(1, visitTimes[i].length() - 1).split(", ");
                s.execute("INSERT INTO old_viewings (room_id, wechat_user_space_id, first_visit_time, last_visit_time,"
                        + " update_time) VALUES (" + (i + 1) + ", 7, " + pair[0] + ", " + pair[1] + ", 100)");
            }
        }
    }

    private static List<Integer> types(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT first_visit_time, last_visit_time FROM " + table + " WHERE 1 = 0")) {
            return List.of(rs.getMetaData().getColumnType(1), rs.getMetaData().getColumnType(2));
        }
    }

    private static List<String> visitTimes(Connection c, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT first_visit_time, last_visit_time FROM " + table + " ORDER BY room_id")) {
            while (rs.next()) {
                rows.add(rs.getObject(1, LocalDateTime.class) + " " + rs.getObject(2, LocalDateTime.class));
            }
        }
        return rows;
    }
}
