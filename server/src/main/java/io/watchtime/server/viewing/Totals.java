package io.watchtime.server.viewing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code total} without a full count per request, exact at every request, across nodes.
 *
 * <p>Every commit that changes an account's records also raises the account's version in
 * {@code account_versions}, in the same transaction. A count is read in one statement together with that
 * version, so each kept count is exact as of its version. A request reads the current version (one primary-key
 * lookup): when it is the count's, the count stands; when it is newer and this node's writer made every commit in
 * between, the count is brought forward by those commits' changes (which records entered or left the filter);
 * only otherwise (another node wrote, or the changes were forgotten) is it counted again.
 */
@Component
public class Totals {

    /** A change to one record: its update_time before ({@code 0} for a new record) and after. */
    public record Change(long viewerId, long before, long after) {
    }

    private static final int MAX_COUNTS = 10_000;
    /**
     * Changes kept to bring counts forward (about 50 bytes each): per account, and in all. A count that needs a
     * forgotten change is taken again. Only accounts with a kept count log their changes.
     */
    private static final int MAX_LOGGED_PER_ACCOUNT = 50_000;
    private static final int MAX_LOGGED = 500_000;

    private record Count(long version, long total) {
    }

    private record Commit(long version, List<Change> changes) {
    }

    private final JdbcTemplate jdbc;
    private final AtomicLong countsTaken = new AtomicLong();
    private final ConcurrentHashMap<Filter, Count> counts = new ConcurrentHashMap<>();
    private final Set<Long> countedAccounts = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Long, Deque<Commit>> commits = new ConcurrentHashMap<>();
    private long logged; // the writer thread's alone, like committed()

    public Totals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inside the writer's transaction: raises the account's version and returns it. */
    public static long nextVersion(Connection c, long accountId) throws SQLException {
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
        try (PreparedStatement select = c.prepareStatement("SELECT version FROM account_versions WHERE account_id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** After the commit that {@link #nextVersion} numbered: what it changed, to bring counts forward. */
    public void committed(long accountId, long version, List<Change> changes) {
        if (!countedAccounts.contains(accountId)) {
            forget(accountId); // nothing to bring forward; a later count reads the database
            return;
        }
        Deque<Commit> log = commits.computeIfAbsent(accountId, id -> new ArrayDeque<>());
        synchronized (log) {
            log.addLast(new Commit(version, List.copyOf(changes)));
            logged += changes.size();
            long inThisLog = log.stream().mapToLong(commit -> commit.changes().size()).sum();
            while (log.size() > 1 && (inThisLog > MAX_LOGGED_PER_ACCOUNT || logged > MAX_LOGGED)) {
                int dropped = log.removeFirst().changes().size();
                inThisLog -= dropped;
                logged -= dropped;
            }
        }
        if (logged > MAX_LOGGED) {
            commits.keySet().forEach(this::forget);
        }
    }

    private void forget(long accountId) {
        Deque<Commit> log = commits.remove(accountId);
        if (log != null) {
            synchronized (log) {
                logged -= log.stream().mapToLong(commit -> commit.changes().size()).sum();
            }
        }
    }

    long total(Filter filter) {
        long current = version(filter.accountId());
        Count kept = counts.get(filter);
        Count now = kept == null ? null : forward(filter, kept, current);
        if (now == null) {
            if (counts.size() >= MAX_COUNTS) {
                counts.clear(); // rare, and only costs recounts
                countedAccounts.clear();
            }
            countedAccounts.add(filter.accountId()); // before counting: the writer logs from its next commit on
            now = count(filter); // read after the version, so exact as of that version or a newer one
        }
        if (now != kept) {
            counts.put(filter, now);
        }
        return now.total();
    }

    private long version(long accountId) {
        List<Long> version = jdbc.queryForList("SELECT version FROM account_versions WHERE account_id = ?",
                Long.class, accountId);
        return version.isEmpty() ? 0 : version.get(0);
    }

    /** How many full counts this node has run; tests use it to see that a kept total was carried forward. */
    long countsTaken() {
        return countsTaken.get();
    }

    /** One statement, so one snapshot: the count is exact as of the version it comes with. */
    private Count count(Filter filter) {
        countsTaken.incrementAndGet();
        List<Object> args = filter.args();
        args.add(0, filter.accountId());
        return jdbc.queryForObject("SELECT (SELECT version FROM account_versions WHERE account_id = ?),"
                        + " (SELECT count(*) FROM viewings WHERE " + filter.where() + ")",
                (rs, row) -> new Count(rs.getLong(1), rs.getLong(2)), args.toArray());
    }

    /** The count as of {@code target}, or null when some commit in between is not in this node's log. */
    private Count forward(Filter filter, Count count, long target) {
        if (count.version() == target) {
            return count;
        }
        if (count.version() > target) {
            return null; // another request counted after a newer commit than this one has seen: count again
        }
        Deque<Commit> log = commits.get(filter.accountId());
        if (log == null) {
            return null;
        }
        long total = count.total();
        long version = count.version();
        synchronized (log) {
            for (Commit commit : log) {
                if (version == target) {
                    break;
                }
                if (commit.version() <= version) {
                    continue;
                }
                if (commit.version() != version + 1) {
                    break; // a commit of another node, or one this log has forgotten
                }
                for (Change change : commit.changes()) {
                    total += (matches(filter, change.viewerId(), change.after()) ? 1 : 0)
                            - (change.before() > 0 && matches(filter, change.viewerId(), change.before()) ? 1 : 0);
                }
                version = commit.version();
            }
        }
        return version == target ? new Count(version, total) : null;
    }

    private static boolean matches(Filter filter, long viewerId, long updateTime) {
        return (filter.viewerId() == 0 || filter.viewerId() == viewerId)
                && (filter.updateTimeStart() == 0 || updateTime >= filter.updateTimeStart())
                && (filter.updateTimeEnd() == 0 || updateTime <= filter.updateTimeEnd());
    }
}
