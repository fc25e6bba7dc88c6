package io.watchtime.client.sync;

/** What one sync did: records and requests, how it paged, and the state it left (its watermark for the next). */
public record SyncResult(long records, long requests, String strategy, boolean resumed, SyncState state) {
}
