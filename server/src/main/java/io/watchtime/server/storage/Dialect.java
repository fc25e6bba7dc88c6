package io.watchtime.server.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What differs between the supported databases, kept in one place: where their migrations live and how
 * they spell an upsert. SQLite and PostgreSQL share {@code ON CONFLICT}; MySQL/MariaDB have
 * {@code ON DUPLICATE KEY UPDATE}.
 */
public enum Dialect {
    SQLITE("sqlite"), POSTGRESQL("postgresql"), MYSQL("mysql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl
                + "; use jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB or jdbc:mariadb://HOST/DB (or jdbc:mysql:)");
    }

    /** The Flyway location of this database's schema. */
    public String migrations() {
        return "classpath:db/migration/" + migrations;
    }

    /**
     * Rows of a page found by their keys first ("deferred join"): {@code keys} selects {@code room_id, viewer_id}
     * with ORDER BY, LIMIT and OFFSET from the index alone, and only those rows are read. Each database is told
     * to run the key query once, before the join: left to themselves, SQLite and a PostgreSQL without fresh
     * statistics loop over the account's rows and run the key query again for each one.
     */
    public String deferredJoin(String columns, String keys, String joinCondition, String orderBy) {
        return switch (this) {
            case SQLITE -> "SELECT " + columns + " FROM (" + keys + ") k CROSS JOIN viewings v WHERE " + joinCondition
                    + orderBy;
            case POSTGRESQL -> "WITH k AS MATERIALIZED (" + keys + ") SELECT " + columns + " FROM k JOIN viewings v ON "
                    + joinCondition + orderBy;
            case MYSQL -> "SELECT " + columns + " FROM (" + keys + ") k STRAIGHT_JOIN viewings v ON " + joinCondition
                    + orderBy;
        };
    }

    /** {@code INSERT ... } that updates {@code updated} columns when a row with the same {@code key} exists. */
    public String upsert(String table, List<String> key, List<String> updated) {
        List<String> columns = new ArrayList<>(key);
        columns.addAll(updated);
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return switch (this) {
            case SQLITE, POSTGRESQL -> insert + " ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET "
                    + updated.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
            case MYSQL -> insert + " ON DUPLICATE KEY UPDATE "
                    + updated.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
        };
    }
}
