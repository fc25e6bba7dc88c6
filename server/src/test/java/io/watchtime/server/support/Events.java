package io.watchtime.server.support;

import io.watchtime.server.settings.WatchtimeProperties;
import io.watchtime.server.ingest.core.Enriched;
import io.watchtime.server.enrich.Devices;
import io.watchtime.server.enrich.Areas;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.EventType;
import io.watchtime.protocol.IngestBatch;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.WatchMode;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Builds ingest bodies from the protocol's own records, as a client would. */
public final class Events {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {
    }

    private static final Areas AREAS = new Areas(new WatchtimeProperties(null, null, "", null, null, null, null, null, null));

    /** The events as the controller hands them to the writer: enters with their area and device looked up. */
    public static List<Enriched> enriched(List<IngestEvent> events) {
        return events.stream().map(e -> e.type() == EventType.ENTER
                ? new Enriched(e, AREAS.of(e.profile().ip()), Devices.of(e.profile().userAgent()))
                : Enriched.plain(e)).toList();
    }

    public static String body(List<IngestEvent> events) {
        return JSON.writeValueAsString(new IngestBatch(events));
    }

    public static IngestEvent beat(long room, long viewer, String session, long at) {
        return IngestEvent.heartbeat(room, viewer, session, at, null);
    }

    public static IngestEvent enter(long room, long viewer, String session, long at, WatchMode mode) {
        return IngestEvent.enter(room, viewer, session, at, mode, EnterProfile.NONE);
    }

    /** A viewer event of any type, without profile: for tests that draw the type at random. */
    public static IngestEvent viewer(EventType type, long room, long viewer, String session, long at, WatchMode mode) {
        return switch (type) {
            case ENTER -> enter(room, viewer, session, at, mode);
            case HEARTBEAT -> IngestEvent.heartbeat(room, viewer, session, at, mode);
            case LEAVE -> IngestEvent.leave(room, viewer, session, at, mode);
            default -> throw new IllegalArgumentException(type + " is not a viewer event");
        };
    }
}
