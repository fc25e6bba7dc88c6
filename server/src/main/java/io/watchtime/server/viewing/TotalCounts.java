package io.watchtime.server.viewing;

import io.watchtime.server.storage.AccountVersions;
import io.watchtime.server.storage.Sql;
import io.watchtime.server.storage.ViewingChanges;
import io.watchtime.server.storage.ViewingChanges.Change;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.ConnectionCallback;
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
class TotalCounts implements ViewingChanges.Listener {

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

    /** One account's commits in order, with the number of changes they hold kept as they come and go. */
    private static final class CommitLog {
        final Deque<Commit> commits = new ArrayDeque<>();
        long changes;
    }

    private final JdbcTemplate jdbc;
    private final AtomicLong countsTaken = new AtomicLong();
    private final ConcurrentHashMap<Filter, Count> counts = new ConcurrentHashMap<>();
    private final Set<Long> countedAccounts = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Long, CommitLog> commits = new ConcurrentHashMap<>();
    private final AtomicLong logged = new AtomicLong(); // over all accounts: several writers add to it side by side

    TotalCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** After a commit of this node's writer: what it changed, to bring counts forward. */
    @Override
    public void committed(long accountId, long version, List<Change> changes) {
        if (!countedAccounts.contains(accountId)) {
            forget(accountId); // nothing to bring forward; a later count reads the database
            return;
        }
        CommitLog log = commits.computeIfAbsent(accountId, id -> new CommitLog());
        synchronized (log) {
            log.commits.addLast(new Commit(version, List.copyOf(changes)));
            log.changes += changes.size();
            logged.addAndGet(changes.size());
            while (log.commits.size() > 1 && (log.changes > MAX_LOGGED_PER_ACCOUNT || logged.get() > MAX_LOGGED)) {
                int dropped = log.commits.removeFirst().changes().size();
                log.changes -= dropped;
                logged.addAndGet(-dropped);
            }
        }
        if (logged.get() > MAX_LOGGED) {
            commits.keySet().forEach(this::forget);
        }
    }

    private void forget(long accountId) {
        CommitLog log = commits.remove(accountId);
        if (log != null) {
            synchronized (log) {
                logged.addAndGet(-log.changes);
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
        Long version = jdbc.execute((ConnectionCallback<Long>) c -> AccountVersions.read(c, accountId));
        return version == null ? 0 : version;
    }

    /** How many full counts this node has run; tests use it to see that a kept total was carried forward. */
    long countsTaken() {
        return countsTaken.get();
    }

    /** One statement, so one snapshot: the count is exact as of the version it comes with. */
    private Count count(Filter filter) {
        countsTaken.incrementAndGet();
        Sql sql = new Sql().append("SELECT (SELECT version FROM account_versions WHERE account_id = ?),"
                + " (SELECT count(*) FROM viewings WHERE ", filter.accountId());
        filter.where(sql).append(")");
        return jdbc.queryForObject(sql.text(), (rs, row) -> new Count(rs.getLong(1), rs.getLong(2)), sql.args());
    }

    /** The count as of {@code target}, or null when some commit in between is not in this node's log. */
    private Count forward(Filter filter, Count count, long target) {
        if (count.version() == target) {
            return count;
        }
        if (count.version() > target) {
            return null; // another request counted after a newer commit than this one has seen: count again
        }
        CommitLog log = commits.get(filter.accountId());
        if (log == null) {
            return null;
        }
        long total = count.total();
        long version = count.version();
        synchronized (log) {
            for (Commit commit : log.commits) {
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
                    total += (filter.matches(change.viewerId(), change.after()) ? 1 : 0)
                            - (change.before() > 0 && filter.matches(change.viewerId(), change.before()) ? 1 : 0);
                }
                version = commit.version();
            }
        }
        return version == target ? new Count(version, total) : null;
    }
}
