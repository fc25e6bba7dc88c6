package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The body of an ingest call: {@code {"events":[...]}}, validated whole before any of it is applied. */
public record IngestBatch(@JsonProperty("events") List<IngestEvent> events) {

    public static final int MAX_EVENTS = 5000;

    public static IngestBatch fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("request body must be a JSON object like {\"events\":[...]}");
        }
        JsonNode events = JsonFields.required(body, "events");
        if (!events.isArray()) {
            throw new InvalidRequestException("events must be an array, got " + JsonFields.describe(events));
        }
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new InvalidRequestException("events must hold 1 to " + MAX_EVENTS + " events, got " + events.size());
        }
        List<IngestEvent> parsed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            parsed.add(IngestEvent.fromJson(events.get(i), "events[" + i + "]"));
        }
        return new IngestBatch(List.copyOf(parsed));
    }
}
