package io.watchtime.server.ingest;

import io.watchtime.protocol.ApiResponse;
import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.IngestBatch;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.InvalidRequestException;
import io.watchtime.server.WatchtimeProperties;
import io.watchtime.server.account.Principal;
import io.watchtime.protocol.Paths;
import io.watchtime.server.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /ingest/v1/events}: a batch of room and viewer events, answered once it is durable. */
@RestController
@ConditionalOnWebApplication
class IngestController {

    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final JsonBodies bodies;
    private final IngestWriter writer;
    private final Clock clock;
    private final long maxSkewSeconds;

    IngestController(JsonBodies bodies, IngestWriter writer, Clock clock, WatchtimeProperties properties) {
        this.bodies = bodies;
        this.writer = writer;
        this.clock = clock;
        this.maxSkewSeconds = properties.crediting().maxClockSkew().toSeconds();
    }

    @PostMapping(Paths.INGEST)
    ApiResponse<IngestAck> ingest(HttpServletRequest request) throws InterruptedException {
        IngestBatch batch = IngestBatch.fromJson(bodies.read(request, MAX_BODY_BYTES));
        List<IngestEvent> events = stamped(batch.events(), clock.instant().getEpochSecond());
        IngestWriter.Outcome outcome = writer.submit(Principal.of(request).accountId(), events).await(30);
        return ApiResponse.success(new IngestAck(events.size(), outcome.applied(), outcome.ignored()));
    }

    /** Gives events without {@code at} the arrival time, and refuses times too far ahead of this server's clock. */
    private List<IngestEvent> stamped(List<IngestEvent> events, long now) {
        List<IngestEvent> stamped = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            IngestEvent e = events.get(i);
            if (e.at() > now + maxSkewSeconds) {
                throw new InvalidRequestException("events[" + i + "].at is " + (e.at() - now)
                        + " s ahead of the server's clock; send unix seconds from a synchronised clock");
            }
            stamped.add(e.at() == 0 ? e.withAt(now) : e);
        }
        return stamped;
    }
}
