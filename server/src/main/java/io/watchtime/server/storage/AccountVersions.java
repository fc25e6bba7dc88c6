package io.watchtime.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Each account's version of its viewing records, raised in the same transaction as every change to them, so that
 * a node's kept totals can tell whether they are still exact, whichever node wrote.
 */
public final class AccountVersions {

    private AccountVersions() {
    }

    /** Inside the writer's transaction: raises the account's version and returns it. */
    public static long bump(Connection c, long accountId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE account_versions SET version = version + 1 WHERE account_id = ?")) {
            update.setLong(1, accountId);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO account_versions (account_id, version) VALUES (?, 1)")) {
                    insert.setLong(1, accountId);
                    insert.executeUpdate();
                }
            }
        }
        return read(c, accountId);
    }

    /** The account's version; 0 before its first write. */
    public static long read(Connection c, long accountId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version FROM account_versions WHERE account_id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
