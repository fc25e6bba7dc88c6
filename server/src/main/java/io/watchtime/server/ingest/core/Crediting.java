package io.watchtime.server.ingest.core;

import io.watchtime.protocol.EventType;
import io.watchtime.protocol.WatchMode;

/**
 * Turns a session's events into seconds. Each event credits the time since the session's previous one, at most
 * {@code maxGap}, as the interval that follows the previous event, watched in the mode the session was in since
 * that event (exact when players report a switch when it happens). The interval is clipped to start after the
 * viewer's {@code creditedUntil}, so two sessions of one viewer never count a second twice and a re-sent event
 * credits nothing even after its session was forgotten. Its split into live and replay is the room's
 * {@link Timeline} at those seconds, corrected by {@link GroupState} when a late room event changes the timeline.
 */
public final class Crediting {

    private final long maxGap;
    private final long sessionTimeout;
    private final long roomEventLateness;

    /**
     * @param roomEventLatenessSeconds how late a room event may arrive (after viewer events of its time) and still
     *                                 correct the split of seconds credited before it
     */
    public Crediting(long maxGapSeconds, long sessionTimeoutSeconds, long roomEventLatenessSeconds) {
        this.maxGap = maxGapSeconds;
        this.sessionTimeout = sessionTimeoutSeconds;
        this.roomEventLateness = roomEventLatenessSeconds;
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
                WatchMode mode = session.mode();
                viewing.credit(from, to, mode, room.timeline(), to - roomEventLateness);
            }
        }
        session.advance(at, type == EventType.LEAVE, declaredMode);
        viewing.visited(at, type == EventType.ENTER);
        return true;
    }
}
