package io.watchtime.client.sync;

import io.watchtime.client.WatchtimeClient;
import io.watchtime.client.WatchtimeException;
import io.watchtime.client.viewing.Batch;
import io.watchtime.client.viewing.ViewingFilter;
import io.watchtime.client.viewing.Walk;
import io.watchtime.client.viewing.WalkPosition;
import io.watchtime.protocol.ViewingRecord;
import java.time.Duration;
import java.util.Objects;

/**
 * Incremental, lossless sync of every record of the account into a {@link SyncTarget}: each run delivers,
 * at least once, every record changed since the previous run, even while records change during the pull.
 * It walks ascending from the watermark (by cursor, or by narrowing windows on a server without one) and
 * saves its position with every page, so a run killed at any point resumes where it stopped.
 *
 * <p>The next watermark is the earlier of the latest {@code update_time} delivered and the time this sync
 * started, less {@code overlap}. A record that changes during the walk gets an update_time of that moment; if
 * the walk has just passed that second, the change sits behind it, so the next sync must reach back to the
 * sync's start, not only to the newest record seen. The overlap covers records committed a moment late with
 * an earlier second (in-flight commits, other server nodes) and the skew between this client's clock and the
 * server's.
 */
public final class ViewingSync {

    private static final System.Logger LOG = System.getLogger(ViewingSync.class.getName());
    /** Covers commits in flight and other nodes' writes at an earlier second. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofSeconds(120);

    private final WatchtimeClient client;
    private final SyncTarget target;
    private final long overlapSeconds;

    public ViewingSync(WatchtimeClient client, SyncTarget target, Duration overlap) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative");
        }
        this.overlapSeconds = overlap.toSeconds();
    }

    public ViewingSync(WatchtimeClient client, SyncTarget target) {
        this(client, target, DEFAULT_OVERLAP);
    }

    /** One sync: from the stored position if one was under way, else from the watermark, to the newest record. */
    public SyncResult run() {
        SyncState state = target.load();
        boolean resumed = state.inProgress();
        WalkPosition from = resumed ? state.position() : WalkPosition.start(state.watermark());
        long maxDelivered = resumed ? state.maxDelivered() : 0;
        long startedAt = resumed ? state.startedAt() : client.ticker().millis() / 1000;
        // DEBUG: the caller reports the run (the CLI prints one summary); numbers as text, or {0} adds separators.
        LOG.log(System.Logger.Level.DEBUG, resumed ? "sync resumes at update_time {0}" : "sync starts at update_time {0}",
                Long.toString(from.lowerBound()));
        Walk walk = client.viewings().walk(ViewingFilter.ALL, from);
        long records = 0;
        long requests = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new WatchtimeException(0, "sync interrupted; run it again to resume", null, null);
            }
            Batch batch = walk.next();
            requests++;
            for (ViewingRecord record : batch.records()) {
                maxDelivered = Math.max(maxDelivered, record.updateTime());
            }
            records += batch.records().size();
            if (batch.last()) {
                long reached = Math.min(maxDelivered, startedAt) - overlapSeconds;
                long watermark = maxDelivered > 0 ? Math.max(state.watermark(), reached) : state.watermark();
                SyncState done = new SyncState(watermark, null, 0, 0);
                target.save(batch.records(), done);
                LOG.log(System.Logger.Level.DEBUG, "sync done: {0} records in {1} requests by {2}; next starts at {3}",
                        Long.toString(records), Long.toString(requests), walk.strategy(), Long.toString(watermark));
                return new SyncResult(records, requests, walk.strategy(), resumed, done);
            }
            target.save(batch.records(), new SyncState(state.watermark(), batch.after(), maxDelivered, startedAt));
        }
    }
}
