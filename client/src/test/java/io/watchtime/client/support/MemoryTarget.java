package io.watchtime.client.support;

import io.watchtime.client.sync.SyncState;
import io.watchtime.client.sync.SyncTarget;
import io.watchtime.protocol.ViewingRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sync target in memory that keeps the newer version of each record, like the database one, and can be
 * made to fail once after a number of records: by throwing before it stores a batch (a crash: the batch and
 * its state are lost together), or by interrupting the syncing thread after storing it.
 */
public final class MemoryTarget implements SyncTarget {

    public enum Failure { THROW, INTERRUPT }

    public record Key(long room, long viewer) {
        public static Key of(ViewingRecord r) {
            return new Key(r.roomId(), r.wechatUserSpaceId());
        }
    }

    private final Map<Key, ViewingRecord> records = new HashMap<>();
    /** Every version delivered, in order, to explain a failure. */
    private final java.util.List<String> deliveries = new java.util.ArrayList<>();
    private SyncState state = SyncState.INITIAL;
    private long stored;
    private long failAfter = Long.MAX_VALUE;
    private Failure failure;

    /** Fails once, in the given way, on the batch that brings more than {@code n} records in all. */
    public synchronized MemoryTarget failAfter(long n, Failure how) {
        failAfter = stored + n;
        failure = how;
        return this;
    }

    @Override
    public synchronized SyncState load() {
        return state;
    }

    @Override
    public synchronized void save(List<ViewingRecord> batch, SyncState newState) {
        boolean fail = stored + batch.size() > failAfter;
        if (fail) {
            failAfter = Long.MAX_VALUE;
            if (failure == Failure.THROW) {
                throw new IllegalStateException("injected crash before storing " + batch.size() + " records");
            }
        }
        for (ViewingRecord r : batch) {
            deliveries.add(Key.of(r) + " stay=" + r.stayDuration() + " ut=" + r.updateTime() + " state=" + newState);
            records.merge(Key.of(r), r, (old, now) -> now.updateTime() >= old.updateTime() ? now : old);
        }
        stored += batch.size();
        state = newState;
        if (fail) {
            Thread.currentThread().interrupt();
        }
    }

    /** The versions of one record delivered so far, in order. */
    public synchronized java.util.List<String> deliveriesOf(Key key) {
        return deliveries.stream().filter(d -> d.startsWith(key + " ")).toList();
    }

    public synchronized Map<Key, ViewingRecord> records() {
        return Map.copyOf(records);
    }
}
