package io.watchtime.server.ingest;

import io.watchtime.protocol.IngestAck;
import io.watchtime.server.ingest.core.Enriched;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A batch waiting for the writer. Exactly one of the writer (claim) and a caller who stops waiting
 * (abandon) wins, so a caller told "nothing was applied" can retry without counting anything twice.
 */
final class Ticket {

    private static final int QUEUED = 0;
    private static final int CLAIMED = 1;
    private static final int ABANDONED = 2;

    final long accountId;
    final List<Enriched> events;
    final CompletableFuture<IngestAck> done = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    Ticket(long accountId, List<Enriched> events) {
        this.accountId = accountId;
        this.events = events;
    }

    /** The writer takes the batch; false when its caller has already given up on it. */
    boolean claim() {
        return state.compareAndSet(QUEUED, CLAIMED);
    }

    /**
     * Waits for the commit. A batch still queued after {@code patience} is withdrawn (reported not applied); one the
     * writer has claimed is waited for as long again, since its commit is moments away.
     */
    IngestAck await(Duration patience) throws InterruptedException {
        long millis = patience.toMillis();
        try {
            try {
                return done.get(millis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (state.compareAndSet(QUEUED, ABANDONED)) {
                    throw new IngestFailure(IngestFailure.Reason.WITHDRAWN, "waited " + patience.toSeconds() + " s");
                }
                return done.get(millis, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IngestFailure failure ? failure
                    : new IngestFailure(IngestFailure.Reason.NOT_STORED, e.getCause().toString());
        } catch (TimeoutException e) {
            throw new IngestFailure(IngestFailure.Reason.COMMIT_PENDING, "commit still running");
        } catch (InterruptedException e) {
            state.compareAndSet(QUEUED, ABANDONED); // nobody will tell the caller: do not apply it either
            throw e;
        }
    }
}
