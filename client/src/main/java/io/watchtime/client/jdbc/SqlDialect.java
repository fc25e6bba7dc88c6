package io.watchtime.client.jdbc;

import io.watchtime.client.viewing.ViewingColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The few words PostgreSQL and MySQL/MariaDB say differently: types, table options and the upsert. */
enum SqlDialect {
    POSTGRESQL, MYSQL;

    static SqlDialect of(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("the sync target must be PostgreSQL or MySQL/MariaDB, this is " + productName);
    }

    /** The column's SQL type: visit times as date-times without zone (they are in the server's zone). */
    String type(ViewingColumn column) {
        if (column.isInteger()) {
            return "BIGINT";
        }
        if (column.isDateTime()) {
            return this == POSTGRESQL ? "TIMESTAMP" : "DATETIME";
        }
        return "VARCHAR(" + column.maxLength() + ")";
    }

    /** Text in full Unicode (nicknames hold emoji) on MySQL, whose default charset may not. */
    String tableOptions() {
        return this == MYSQL ? " DEFAULT CHARSET=utf8mb4" : "";
    }

    /**
     * Insert, or replace the stored row unless it is newer: an at-least-once delivery may bring a version
     * again, never one that should win over a later one.
     */
    String upsert(String table) {
        List<ViewingColumn> columns = Arrays.asList(ViewingColumn.values());
        String names = columns.stream().map(ViewingColumn::field).collect(Collectors.joining(", "));
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        String insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
        // update_time last: MySQL assigns left to right, and the conditions read the stored update_time.
        List<ViewingColumn> updated = columns.stream()
                .filter(c -> c != ViewingColumn.ROOM_ID && c != ViewingColumn.WECHAT_USER_SPACE_ID).toList();
        if (this == POSTGRESQL) {
            return insert + " ON CONFLICT (room_id, wechat_user_space_id) DO UPDATE SET "
                    + updated.stream().map(c -> c.field() + " = EXCLUDED." + c.field()).collect(Collectors.joining(", "))
                    + " WHERE " + table + ".update_time <= EXCLUDED.update_time";
        }
        return insert + " ON DUPLICATE KEY UPDATE " + updated.stream()
                .map(c -> c.field() + " = IF(VALUES(update_time) >= update_time, VALUES(" + c.field() + "), " + c.field() + ")")
                .collect(Collectors.joining(", "));
    }

    /** Writes the state row whether or not it exists. */
    String saveState() {
        String insert = "INSERT INTO " + JdbcSyncTarget.STATE_TABLE + " (target_table, watermark, lower_bound, cursor_text,"
                + " page, window_total, max_delivered, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String[] set = {"watermark", "lower_bound", "cursor_text", "page", "window_total", "max_delivered", "started_at",
                "updated_at"};
        if (this == POSTGRESQL) {
            return insert + " ON CONFLICT (target_table) DO UPDATE SET "
                    + Arrays.stream(set).map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        }
        return insert + " ON DUPLICATE KEY UPDATE "
                + Arrays.stream(set).map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
    }
}
