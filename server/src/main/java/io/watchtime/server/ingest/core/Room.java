package io.watchtime.server.ingest.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A live room and its rounds (live periods). Room events are idempotent: a re-sent or late start or
 * end changes nothing, and a round's end never lies before live time already credited in it, so that
 * no viewer's live time in a round can exceed the round.
 */
public final class Room {

    public enum Status { PREVIEW, LIVE, ENDED }

    /** One live period; {@code endedAt} is 0 while it is live. */
    public static final class Round {
        private final long roundId;
        private final long startedAt;
        private long endedAt;
        private boolean dirty;

        public Round(long roundId, long startedAt, long endedAt) {
            this.roundId = roundId;
            this.startedAt = startedAt;
            this.endedAt = endedAt;
        }

        public long roundId() {
            return roundId;
        }

        public long startedAt() {
            return startedAt;
        }

        public long endedAt() {
            return endedAt;
        }

        public boolean dirty() {
            return dirty;
        }
    }

    private final long accountId;
    private final long roomId;
    private Status status;
    private long liveCreditedUntil;
    private final List<Round> rounds; // in order of start
    private boolean dirty;

    public Room(long accountId, long roomId, Status status, long liveCreditedUntil, List<Round> rounds) {
        this.accountId = accountId;
        this.roomId = roomId;
        this.status = status;
        this.liveCreditedUntil = liveCreditedUntil;
        this.rounds = new ArrayList<>(rounds);
    }

    public static Room fresh(long accountId, long roomId) {
        Room room = new Room(accountId, roomId, Status.PREVIEW, 0, List.of());
        room.dirty = true;
        return room;
    }

    public long accountId() {
        return accountId;
    }

    public long roomId() {
        return roomId;
    }

    public Status status() {
        return status;
    }

    public long liveCreditedUntil() {
        return liveCreditedUntil;
    }

    public List<Round> rounds() {
        return Collections.unmodifiableList(rounds);
    }

    /** Whether the room's own row changed (its rounds say so each). */
    public boolean dirty() {
        return dirty;
    }

    /** Starts a round; false when the event is stale (that round exists, or it predates the last round). */
    boolean start(long roundId, long at) {
        Round last = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        if (roundId > 0 && rounds.stream().anyMatch(r -> r.roundId == roundId)) {
            return false;
        }
        if (last != null && (at <= last.startedAt || (last.endedAt > 0 && at < last.endedAt))) {
            return false;
        }
        if (last != null && last.endedAt == 0) {
            end(last, at);
        }
        // Rounds never overlap, so no second can count as live twice.
        long startedAt = last == null ? at : Math.max(at, last.endedAt);
        long id = roundId > 0 ? roundId : rounds.stream().mapToLong(r -> r.roundId).max().orElse(0) + 1;
        Round round = new Round(id, startedAt, 0);
        round.dirty = true;
        rounds.add(round);
        status = Status.LIVE;
        dirty = true;
        return true;
    }

    /** Ends the live round; false when the room is not live or the event belongs to an earlier round (at or before this one's start). */
    boolean end(long roundId, long at) {
        Round last = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        if (status != Status.LIVE || last == null || at <= last.startedAt || (roundId > 0 && roundId != last.roundId)) {
            return false;
        }
        end(last, at);
        status = Status.ENDED;
        dirty = true;
        return true;
    }

    private void end(Round round, long at) {
        round.endedAt = Math.max(at, Math.max(round.startedAt, liveCreditedUntil));
        round.dirty = true;
    }

    /** Seconds of [from, to) that lie in a round. */
    long liveOverlap(long from, long to) {
        long overlap = 0;
        for (Round round : rounds) {
            long end = round.endedAt == 0 ? Long.MAX_VALUE : round.endedAt;
            long start = Math.max(from, round.startedAt);
            long stop = Math.min(to, end);
            if (stop > start) {
                overlap += stop - start;
            }
        }
        return overlap;
    }

    void creditedLiveUntil(long until) {
        if (until > liveCreditedUntil) {
            liveCreditedUntil = until;
            dirty = true;
        }
    }
}
