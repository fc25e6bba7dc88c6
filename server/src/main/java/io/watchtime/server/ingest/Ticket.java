package io.watchtime.server.ingest;

import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.web.ApiException;
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
    final List<IngestEvent> events;
    final CompletableFuture<IngestWriter.Outcome> done = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    Ticket(long accountId, List<IngestEvent> events) {
        this.accountId = accountId;
        this.events = events;
    }

    /** The writer takes the batch; false when its caller has already given up on it. */
    boolean claim() {
        return state.compareAndSet(QUEUED, CLAIMED);
    }

    /** Waits for the commit; a batch still queued after {@code seconds} is withdrawn and reported not applied. */
    IngestWriter.Outcome await(long seconds) throws InterruptedException {
        try {
            try {
                return done.get(seconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (state.compareAndSet(QUEUED, ABANDONED)) {
                    throw new ApiException(503, "ingest is overloaded: the batch waited " + seconds
                            + " s and was not applied; retry it", 5);
                }
                return done.get(seconds, TimeUnit.SECONDS); // the writer has it: the commit is moments away
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ApiException api ? api
                    : new ApiException(503, "could not store the events; nothing was applied, retry the batch", 1);
        } catch (TimeoutException e) {
            throw new ApiException(503, "storing the batch is taking unusually long; it may still be applied."
                    + " Retrying is safe when every event carries its own \"at\"", 5);
        } catch (InterruptedException e) {
            state.compareAndSet(QUEUED, ABANDONED); // nobody will tell the caller: do not apply it either
            throw e;
        }
    }
}
