package io.watchtime.server.ingest;

import io.watchtime.protocol.IngestAck;
import io.watchtime.server.ingest.core.Crediting;
import io.watchtime.server.ingest.core.GroupState;
import io.watchtime.server.storage.AccountVersions;
import io.watchtime.server.storage.Dialect;
import io.watchtime.server.storage.ViewingChanges;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group's transaction, correct beside writers on other nodes: it locks the rows of the accounts it touches
 * (in account-id order) before it reads anything of them, then loads, credits and saves each account's state, and
 * stamps its changes with an update_time that never steps back for the account. A deadlock or serialisation failure
 * that the database reports is retried here from the start, never shown to a client.
 */
final class GroupTransaction {

    /** What a committed group did: each batch's answer, and each account's changes for the read side. */
    record Outcome(Map<Ticket, IngestAck> acks, List<Runnable> afterCommit) {
    }

    private static final Logger log = LoggerFactory.getLogger(GroupTransaction.class);
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    private final Crediting crediting;
    private final ViewingChanges.Listener listener;
    private final IngestMetrics metrics;

    GroupTransaction(DataSource dataSource, Dialect dialect, Clock clock, Crediting crediting,
            ViewingChanges.Listener listener, IngestMetrics metrics) {
        this.metrics = metrics;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.crediting = crediting;
        this.listener = listener;
    }

    /** Commits the group, retrying transient conflicts; each account's batches apply in arrival order. */
    Outcome commit(List<Ticket> group) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(group);
            } catch (SQLException | JdbcStateStore.StoreException e) {
                SQLException sql = e instanceof JdbcStateStore.StoreException store ? store.sqlCause() : (SQLException) e;
                if (attempt == ATTEMPTS || !retryable(sql)) {
                    throw sql;
                }
                metrics.retried();
                log.info("ingest group hit a conflict with another writer ({}); retrying, attempt {} of {}",
                        sql.getSQLState(), attempt + 1, ATTEMPTS);
            }
        }
    }

    private Outcome attempt(List<Ticket> group) throws SQLException {
        Map<Long, List<Ticket>> byAccount = new TreeMap<>(); // account-id order: the order every writer locks in
        group.forEach(ticket -> byAccount.computeIfAbsent(ticket.accountId, id -> new ArrayList<>()).add(ticket));
        Map<Ticket, IngestAck> acks = new LinkedHashMap<>();
        List<Runnable> afterCommit = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // Every lock before the first read: MariaDB's snapshot starts at a transaction's first plain read.
                long lockStarted = System.nanoTime();
                Map<Long, AccountVersions.Locked> locked = new LinkedHashMap<>();
                for (long accountId : byAccount.keySet()) {
                    locked.put(accountId, AccountVersions.lock(c, dialect, accountId));
                }
                metrics.lockWaited(System.nanoTime() - lockStarted);
                JdbcStateStore store = new JdbcStateStore(dialect, c);
                long now = clock.instant().getEpochSecond();
                for (Map.Entry<Long, List<Ticket>> account : byAccount.entrySet()) {
                    long accountId = account.getKey();
                    AccountVersions.Locked version = locked.get(accountId);
                    GroupState state = GroupState.load(store, accountId, crediting,
                            account.getValue().stream().map(t -> t.events).toList());
                    account.getValue().forEach(ticket -> acks.put(ticket, state.apply(ticket.events)));
                    // Never earlier than the account's last change, whatever this node's clock says: a changed record
                    // must move forward in update_time order, or a walk already past its new place would miss it.
                    long updateTime = Math.max(now, version.updateTime());
                    List<ViewingChanges.Change> changes = state.stamp(updateTime);
                    state.save(store);
                    if (!changes.isEmpty() || state.roundsChanged()) {
                        long newVersion = AccountVersions.bump(c, version, updateTime);
                        afterCommit.add(() -> listener.committed(accountId, newVersion, changes));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return new Outcome(acks, afterCommit);
    }

    /** Deadlock, serialisation failure, or a lock wait given up: the same transaction may well pass again. */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("40") || e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
    }
}
