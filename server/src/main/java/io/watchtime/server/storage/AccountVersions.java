package io.watchtime.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Each account's row of {@code account_versions}: the version of its viewing records, raised in the same transaction
 * as every change to them (so that a node's kept totals can tell whether they are still exact, whichever node wrote),
 * and the update_time of the last change. Every writer, on every node, locks the rows of the accounts it writes
 * first, in account-id order: writers of one account run one after another, each sees what the one before
 * committed, and no two writers can wait for each other in a circle.
 */
public final class AccountVersions {

    private static final String TABLE = "account_versions";

    /** An account's row as a writer holds it locked: its version and the update_time of its last change. */
    public record Locked(long accountId, long version, long updateTime) {
    }

    private AccountVersions() {
    }

    /**
     * Inside a writer's transaction, before anything of the account is read: locks the account's row (making it
     * when missing) until the transaction ends. SQLite locks the whole database for a writer instead.
     */
    public static Locked lock(Connection c, Dialect dialect, long accountId) throws SQLException {
        Locked locked = selectLocked(c, dialect, accountId);
        if (locked == null) {
            try (PreparedStatement insert = c.prepareStatement(dialect.insertIfAbsent(TABLE, List.of("account_id"),
                    List.of("version", "update_time")))) {
                insert.setLong(1, accountId);
                insert.setLong(2, 0);
                insert.setLong(3, 0);
                insert.executeUpdate();
            }
            locked = selectLocked(c, dialect, accountId);
        }
        return locked;
    }

    /** Raises the locked account's version and records the update_time of this change; returns the new version. */
    public static long bump(Connection c, Locked locked, long updateTime) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + TABLE + " SET version = ?, update_time = ? WHERE account_id = ?")) {
            update.setLong(1, locked.version() + 1);
            update.setLong(2, updateTime);
            update.setLong(3, locked.accountId());
            update.executeUpdate();
        }
        return locked.version() + 1;
    }

    /** The account's version; 0 before its first write. */
    public static long read(Connection c, long accountId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version FROM " + TABLE + " WHERE account_id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Locked selectLocked(Connection c, Dialect dialect, long accountId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version, update_time FROM " + TABLE
                + " WHERE account_id = ?" + dialect.forUpdate())) {
            select.setLong(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Locked(accountId, rs.getLong(1), rs.getLong(2)) : null;
            }
        }
    }
}
