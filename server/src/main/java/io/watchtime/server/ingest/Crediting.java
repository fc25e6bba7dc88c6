package io.watchtime.server.ingest;

import io.watchtime.protocol.EventType;
import io.watchtime.protocol.WatchMode;

/**
 * Turns a session's events into seconds. Each event credits the time since the session's previous one,
 * at most {@code maxGap}, as the interval that follows the previous event. The interval is clipped to
 * start after the viewer's {@code creditedUntil}, so two sessions of one viewer never count a second
 * twice and a re-sent event credits nothing even after its session was forgotten.
 */
final class Crediting {

    private final long maxGap;
    private final long sessionTimeout;

    Crediting(long maxGapSeconds, long sessionTimeoutSeconds) {
        this.maxGap = maxGapSeconds;
        this.sessionTimeout = sessionTimeoutSeconds;
    }

    /** Applies one viewer event; false when it is stale (not after the session's last event) and changed nothing. */
    boolean apply(EventType type, long at, WatchMode declaredMode, Session session, Viewing viewing, Room room) {
        if (session.lastAt != 0 && at <= session.lastAt) {
            return false;
        }
        boolean continues = session.lastAt != 0 && !session.ended && at - session.lastAt <= sessionTimeout;
        if (continues) {
            long from = Math.max(session.lastAt, viewing.creditedUntil);
            long to = session.lastAt + Math.min(at - session.lastAt, maxGap);
            if (to > from) {
                credit(from, to, session.mode, viewing, room);
            }
        }
        session.lastAt = at;
        session.ended = type == EventType.LEAVE;
        if (declaredMode != null) {
            session.mode = declaredMode;
        }
        session.dirty = true;
        viewing.visited(at, type == EventType.ENTER);
        return true;
    }

    private static void credit(long from, long to, WatchMode mode, Viewing viewing, Room room) {
        long live = 0;
        long playback = 0;
        if (mode == WatchMode.PLAYBACK) {
            playback = to - from;
        } else if (mode == WatchMode.LIVE || mode == null) {
            live = room.liveOverlap(from, to);
            // A session that never said what it watches follows the room: after the end it is the replay.
            if (mode == null && room.status == Room.Status.ENDED) {
                playback = to - from - live;
            }
        }
        if (live > 0) {
            room.creditedLiveUntil(to);
        }
        viewing.credit(from, to, live, playback);
    }
}
