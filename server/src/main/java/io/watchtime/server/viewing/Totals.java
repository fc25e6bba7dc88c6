package io.watchtime.server.viewing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * {@code total} without a full count on every page: a count is kept per account and filter until the
 * account's records change, and never longer than a second. Exact on a quiet data set: the ingest writer
 * reports each change after its commit, and a count is stored under the version read before it ran, so a
 * change during the count makes the next request count again. The one-second bound covers writes this
 * node cannot see (another node on the same database), as DESIGN's "visible within one second" allows.
 */
@Component
public class Totals {

    private static final int MAX_ENTRIES = 10_000;
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private record Count(long version, long total, long countedAtNanos) {
    }


    private final ConcurrentHashMap<Long, Long> versions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Filter, Count> counts = new ConcurrentHashMap<>();

    /** Called by the writer after a commit that changed records of the account. */
    public void changed(long accountId) {
        versions.merge(accountId, 1L, Long::sum);
    }

    long total(Filter key, LongSupplier count) {
        long version = versions.getOrDefault(key.accountId(), 0L);
        Count cached = counts.get(key);
        long now = System.nanoTime();
        if (cached != null && cached.version() == version && now - cached.countedAtNanos() < MAX_AGE_NANOS) {
            return cached.total();
        }
        long total = count.getAsLong();
        if (counts.size() >= MAX_ENTRIES) {
            counts.clear(); // rare, and only costs recounts
        }
        counts.put(key, new Count(version, total, now));
        return total;
    }
}
