package io.watchtime.server.ingest.core;

import io.watchtime.protocol.IngestEvent;

/**
 * An event as the writer applies it: for an {@code enter}, with the area its IP gives and the device its user
 * agent names, looked up on the request's thread before the batch is queued; both null for other events.
 */
public record Enriched(IngestEvent event, String area, String device) {

    public static Enriched plain(IngestEvent event) {
        return new Enriched(event, null, null);
    }
}
