package io.watchtime.client.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchtime.client.support.Records;
import io.watchtime.client.support.TargetDatabase;
import io.watchtime.client.sync.SyncState;
import io.watchtime.client.viewing.WalkPosition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sync target on this machine's real PostgreSQL and MariaDB, each in a database of its own. */
class JdbcSyncTargetTest {

    @ParameterizedTest
    @EnumSource(TargetDatabase.Kind.class)
    void createsTheTableKeepsTheNewerVersionAndRemembersWhereItStood(TargetDatabase.Kind kind) throws Exception {
        try (Connection c = TargetDatabase.create(kind).connect()) {
            JdbcSyncTarget target = new JdbcSyncTarget(c, "viewings_copy");
            assertThat(target.load()).isEqualTo(SyncState.INITIAL);

            SyncState midWalk = new SyncState(100, new WalkPosition(90, "opaque-cursor", 0, -1), 250, 1_700_000_000);
            target.save(List.of(Records.record(1, 7, "观众😀", 30, 200), Records.record(2, 7, "=cmd", 5, 200)), midWalk);
            assertThat(target.load()).isEqualTo(midWalk);

            // An older version delivered again changes nothing; a newer one replaces the row.
            SyncState dense = new SyncState(100, new WalkPosition(250, null, 3, 1700), 250, 1_700_000_000);
            target.save(List.of(Records.record(1, 7, "old", 10, 150), Records.record(2, 7, "newer", 50, 300)), dense);
            assertThat(target.load()).isEqualTo(dense);
            assertThat(rows(c)).containsExactly("1 7 观众😀 30 200 袁, \"门店\"", "2 7 newer 50 300 袁, \"门店\"");

            // A second target on the same table finds it and the state; a finished sync clears the position.
            JdbcSyncTarget again = new JdbcSyncTarget(c, "viewings_copy");
            again.save(List.of(), new SyncState(180, null, 0, 0));
            assertThat(again.load()).isEqualTo(new SyncState(180, null, 0, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(TargetDatabase.Kind.class)
    void refusesATableNameThatIsNotAPlainIdentifier(TargetDatabase.Kind kind) throws Exception {
        try (Connection c = TargetDatabase.create(kind).connect()) {
            assertThatThrownBy(() -> new JdbcSyncTarget(c, "x; DROP TABLE y"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table name");
        }
    }

    private static List<String> rows(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT room_id, wechat_user_space_id,"
                + " wechat_user_name, stay_duration, update_time, channel_name FROM viewings_copy ORDER BY room_id")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " " + rs.getString(6));
            }
            return rows;
        }
    }
}
