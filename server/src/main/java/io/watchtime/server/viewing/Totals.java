package io.watchtime.server.viewing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * {@code total} without a full count on every page: a count is kept per account and filter until the
 * account's records change. Exact on a quiet data set; the ingest writer reports each change after its
 * commit, and a count is stored under the version read before it ran, so a change during the count
 * makes the next request count again. Holds for one node (the embedded default).
 */
@Component
public class Totals {

    private static final int MAX_ENTRIES = 10_000;

    private record Key(long accountId, long viewerId, long updateTimeStart, long updateTimeEnd) {
    }

    private record Count(long version, long total) {
    }

    private final ConcurrentHashMap<Long, Long> versions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Count> counts = new ConcurrentHashMap<>();

    /** Called by the writer after a commit that changed records of the account. */
    public void changed(long accountId) {
        versions.merge(accountId, 1L, Long::sum);
    }

    long total(long accountId, long viewerId, long updateTimeStart, long updateTimeEnd, LongSupplier count) {
        Key key = new Key(accountId, viewerId, updateTimeStart, updateTimeEnd);
        long version = versions.getOrDefault(accountId, 0L);
        Count cached = counts.get(key);
        if (cached != null && cached.version() == version) {
            return cached.total();
        }
        long total = count.getAsLong();
        if (counts.size() >= MAX_ENTRIES) {
            counts.clear(); // rare, and only costs recounts
        }
        counts.put(key, new Count(version, total));
        return total;
    }
}
