package io.watchtime.server.ingest;

import io.watchtime.protocol.WatchMode;

/** One page view or player session of a viewer in a room; {@code lastAt == 0} for one not seen yet. */
final class Session {

    final long accountId;
    final long roomId;
    final long viewerId;
    final String sessionId;
    long lastAt;
    WatchMode mode; // null: follow the room's state
    boolean ended;
    boolean dirty;

    Session(long accountId, long roomId, long viewerId, String sessionId, long lastAt, WatchMode mode, boolean ended) {
        this.accountId = accountId;
        this.roomId = roomId;
        this.viewerId = viewerId;
        this.sessionId = sessionId;
        this.lastAt = lastAt;
        this.mode = mode;
        this.ended = ended;
    }
}
