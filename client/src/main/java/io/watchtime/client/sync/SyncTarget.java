package io.watchtime.client.sync;

import io.watchtime.protocol.ViewingRecord;
import java.util.List;

/** Where a sync puts records and keeps its state; a database table, for instance. */
public interface SyncTarget {

    /** The state saved last, or {@link SyncState#INITIAL}. */
    SyncState load();

    /**
     * Stores the records (insert or replace by room and viewer; a version older than the stored one may be
     * ignored) together with the state after them, atomically: after a crash both are there or neither is.
     */
    void save(List<ViewingRecord> records, SyncState state);
}
