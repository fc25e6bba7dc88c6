package io.watchtime.client.ingest;

import io.watchtime.client.http.Transport;
import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.IngestBatch;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.Paths;
import java.util.List;

/**
 * {@code POST} to {@link Paths#INGEST} (a key of scope {@code ingest}). A batch that failed for a passing reason is
 * sent again, which is safe when every event carries its {@code at}: the server recognises the retry.
 */
public final class Ingest {

    private final Transport transport;

    public Ingest(Transport transport) {
        this.transport = transport;
    }

    /** Sends one batch (1 to 5000 events) and returns once the server has stored it durably. */
    public IngestAck send(List<IngestEvent> events) {
        if (events.isEmpty() || events.size() > IngestBatch.MAX_EVENTS) {
            throw new IllegalArgumentException("a batch holds 1 to " + IngestBatch.MAX_EVENTS + " events, got "
                    + events.size());
        }
        return transport.post(Paths.INGEST, new IngestBatch(List.copyOf(events)), IngestAck.class);
    }
}
