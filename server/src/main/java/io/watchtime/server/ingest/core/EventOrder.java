package io.watchtime.server.ingest.core;

import io.watchtime.protocol.IngestEvent;
import java.util.Comparator;

/**
 * The order a batch's events apply in. Within one second, events apply in the order a room lives: the previous
 * round's end, the next start, then enter, beats, leave; full ties are broken by ids and then by content, so the
 * order a client happened to list them in never matters.
 */
final class EventOrder {

    static final Comparator<IngestEvent> CHRONOLOGICAL = Comparator.comparingLong(IngestEvent::at)
            .thenComparingInt(e -> switch (e.type()) {
                case ROOM_END -> 0;
                case ROOM_START -> 1;
                case ENTER -> 2;
                case HEARTBEAT -> 3;
                case LEAVE -> 4;
            })
            .thenComparingLong(IngestEvent::roomId)
            .thenComparingLong(IngestEvent::wechatUserSpaceId)
            .thenComparing(IngestEvent::sessionId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(IngestEvent::toString); // rare: the same viewer's same event twice at one second

    private EventOrder() {
    }
}
