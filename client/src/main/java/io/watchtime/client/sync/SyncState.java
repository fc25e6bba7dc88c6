package io.watchtime.client.sync;

import io.watchtime.client.viewing.WalkPosition;

/**
 * What a sync target keeps between syncs, and after every page of one.
 *
 * @param watermark    {@code update_time} the next sync starts from (inclusive; 0: from the beginning)
 * @param position     where the sync under way stands, or null when none is (the next one starts afresh)
 * @param maxDelivered the latest {@code update_time} delivered by the sync under way (0 when none)
 * @param startedAt    unix seconds when the sync under way first started (0 when none): a record changed
 *                     after that may sit behind the walk, so the next sync must not start later than this
 */
public record SyncState(long watermark, WalkPosition position, long maxDelivered, long startedAt) {

    /** Nothing synced yet. */
    public static final SyncState INITIAL = new SyncState(0, null, 0, 0);

    public boolean inProgress() {
        return position != null;
    }
}
