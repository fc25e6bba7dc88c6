package io.watchtime.client.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The server's answer to a batch: events taken, applied, and ignored as already seen or stale. */
public record IngestResult(@JsonProperty("received") int received, @JsonProperty("applied") int applied,
                           @JsonProperty("ignored") int ignored) {
}
