package io.watchtime.server.ingest;

/**
 * Why a batch was not acknowledged. The writer says what happened; {@link IngestController} alone decides what the
 * client is told (a 503, its wording and its Retry-After).
 */
final class IngestFailure extends RuntimeException {

    enum Reason {
        /** The writer is stopping; nothing was applied. */
        SHUTTING_DOWN,
        /** Too many events are waiting; nothing was applied. */
        QUEUE_FULL,
        /** The batch waited too long for the writer and was withdrawn; nothing was applied. */
        WITHDRAWN,
        /** The group's transaction failed and was rolled back; nothing was applied. */
        NOT_STORED,
        /** The writer has the batch but its commit has not finished in time: it may still be applied. */
        COMMIT_PENDING
    }

    private final Reason reason;

    IngestFailure(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
