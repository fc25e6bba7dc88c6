package io.watchtime.server.ingest;

import io.watchtime.protocol.ApiResponse;
import io.watchtime.protocol.EventType;
import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.IngestBatch;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.InvalidRequestException;
import io.watchtime.protocol.Paths;
import io.watchtime.server.account.Principal;
import io.watchtime.server.enrich.Areas;
import io.watchtime.server.enrich.Devices;
import io.watchtime.server.ingest.core.Enriched;
import io.watchtime.server.settings.WatchtimeProperties;
import io.watchtime.server.web.ApiException;
import io.watchtime.server.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ingest/v1/events}: a batch of room and viewer events, answered once it is durable. Parses and
 * stamps the batch, looks up areas and devices here on the request's thread, and hands it to the writer.
 */
@RestController
class IngestController {

    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** How long a batch may wait for the writer before it is withdrawn (and reported not applied). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final JsonBodies bodies;
    private final IngestWriter writer;
    private final Areas areas;
    private final Clock clock;
    private final long maxSkewSeconds;

    IngestController(JsonBodies bodies, IngestWriter writer, Areas areas, Clock clock, WatchtimeProperties properties) {
        this.bodies = bodies;
        this.writer = writer;
        this.areas = areas;
        this.clock = clock;
        this.maxSkewSeconds = properties.crediting().maxClockSkew().toSeconds();
    }

    @PostMapping(Paths.INGEST)
    ApiResponse<IngestAck> ingest(HttpServletRequest request) throws InterruptedException {
        IngestBatch batch = IngestBatch.fromJson(bodies.read(request, MAX_BODY_BYTES));
        List<Enriched> events = enriched(batch.events(), clock.instant().getEpochSecond());
        try {
            return ApiResponse.success(writer.submit(Principal.of(request).accountId(), events).await(PATIENCE));
        } catch (IngestFailure failure) {
            throw unavailable(failure);
        }
    }

    /**
     * Gives events without {@code at} the arrival time, refuses times too far ahead of this server's clock, and
     * looks up what an enter's IP and user agent say.
     */
    private List<Enriched> enriched(List<IngestEvent> events, long now) {
        List<Enriched> enriched = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            IngestEvent e = events.get(i);
            if (e.at() > now + maxSkewSeconds) {
                throw new InvalidRequestException("events[" + i + "].at is " + (e.at() - now)
                        + " s ahead of the server's clock; send unix seconds from a synchronised clock");
            }
            IngestEvent stamped = e.at() == 0 ? e.withAt(now) : e;
            enriched.add(e.type() == EventType.ENTER
                    ? new Enriched(stamped, areas.of(e.profile().ip()), Devices.of(e.profile().userAgent()))
                    : Enriched.plain(stamped));
        }
        return enriched;
    }

    /** Every way a batch can fail to be stored is a 503 that says whether to retry, and when. */
    private static ApiException unavailable(IngestFailure failure) {
        return switch (failure.reason()) {
            case SHUTTING_DOWN -> new ApiException(503, "ingest is shutting down; retry in a moment", 5);
            case QUEUE_FULL -> new ApiException(503, "ingest queue is full; retry in a second", 1);
            case WITHDRAWN -> new ApiException(503, "ingest is overloaded: the batch waited " + PATIENCE.toSeconds()
                    + " s and was not applied; retry it", 5);
            case NOT_STORED -> new ApiException(503,
                    "could not store the events; nothing of this batch was applied, retry it", 1);
            case COMMIT_PENDING -> new ApiException(503, "storing the batch is taking unusually long; it may still"
                    + " be applied. Retrying is safe when every event carries its own \"at\"", 5);
        };
    }
}
