package io.watchtime.server.ingest.core;

import io.watchtime.protocol.WatchMode;

/** One page view or player session of a viewer in a room; {@code lastAt == 0} for one not seen yet. */
public final class Session {

    private final long roomId;
    private final long viewerId;
    private final String sessionId;
    private long lastAt;
    private WatchMode mode; // null: follow the room's state
    private boolean ended;
    private boolean dirty;

    public Session(long roomId, long viewerId, String sessionId, long lastAt, WatchMode mode, boolean ended) {
        this.roomId = roomId;
        this.viewerId = viewerId;
        this.sessionId = sessionId;
        this.lastAt = lastAt;
        this.mode = mode;
        this.ended = ended;
    }

    static Session fresh(long roomId, long viewerId, String sessionId) {
        return new Session(roomId, viewerId, sessionId, 0, null, false);
    }

    public long roomId() {
        return roomId;
    }

    public long viewerId() {
        return viewerId;
    }

    public String sessionId() {
        return sessionId;
    }

    public long lastAt() {
        return lastAt;
    }

    /** The mode the session last declared; null while it follows the room. */
    public WatchMode mode() {
        return mode;
    }

    public boolean ended() {
        return ended;
    }

    public boolean dirty() {
        return dirty;
    }

    /** The session's new last event. */
    void advance(long at, boolean leaves, WatchMode declaredMode) {
        lastAt = at;
        ended = leaves;
        if (declaredMode != null) {
            mode = declaredMode;
        }
        dirty = true;
    }
}
