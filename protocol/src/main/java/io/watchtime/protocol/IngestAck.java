package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code data} of a successful ingest call: events taken, events applied, and events ignored as stale (already
 * seen, or not after their session's last event), so {@code applied + ignored == received}.
 */
@JsonPropertyOrder({"received", "applied", "ignored"})
public record IngestAck(
        @JsonProperty("received") int received,
        @JsonProperty("applied") int applied,
        @JsonProperty("ignored") int ignored) {
}
