package io.watchtime.server.ingest.core;

import io.watchtime.protocol.EventType;
import io.watchtime.protocol.WatchMode;

/**
 * Turns a session's events into seconds. Each event credits the time since the session's previous one,
 * at most {@code maxGap}, as the interval that follows the previous event. The interval is clipped to
 * start after the viewer's {@code creditedUntil}, so two sessions of one viewer never count a second
 * twice and a re-sent event credits nothing even after its session was forgotten.
 */
public final class Crediting {

    private final long maxGap;
    private final long sessionTimeout;

    public Crediting(long maxGapSeconds, long sessionTimeoutSeconds) {
        this.maxGap = maxGapSeconds;
        this.sessionTimeout = sessionTimeoutSeconds;
    }

    /** Applies one viewer event; false when it is stale (not after the session's last event) and changed nothing. */
    boolean apply(EventType type, long at, WatchMode declaredMode, Session session, ViewingState viewing, Room room) {
        long lastAt = session.lastAt();
        if (lastAt != 0 && at <= lastAt) {
            return false;
        }
        boolean continues = lastAt != 0 && !session.ended() && at - lastAt <= sessionTimeout;
        if (continues) {
            long from = Math.max(lastAt, viewing.creditedUntil());
            long to = lastAt + Math.min(at - lastAt, maxGap);
            if (to > from) {
                credit(from, to, session.mode(), viewing, room);
            }
        }
        session.advance(at, type == EventType.LEAVE, declaredMode);
        viewing.visited(at, type == EventType.ENTER);
        return true;
    }

    private static void credit(long from, long to, WatchMode mode, ViewingState viewing, Room room) {
        long live = 0;
        long playback = 0;
        if (mode == WatchMode.PLAYBACK) {
            playback = to - from;
        } else if (mode == WatchMode.LIVE || mode == null) {
            live = room.liveOverlap(from, to);
            // A session that never said what it watches follows the room: after the end it is the replay.
            if (mode == null && room.status() == Room.Status.ENDED) {
                playback = to - from - live;
            }
        }
        if (live > 0) {
            room.creditedLiveUntil(to);
        }
        viewing.credit(from, to, live, playback);
    }
}
