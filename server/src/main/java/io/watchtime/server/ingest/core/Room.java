package io.watchtime.server.ingest.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A live room and its rounds (live periods), from room events alone: viewer events never move a round. Room events
 * are idempotent (a re-sent start or end changes nothing), rounds never overlap, and a round's end is the earliest
 * end it was given: its own {@code room_end}, or the next round's start when that came first.
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

        private void end(long at) {
            endedAt = at;
            dirty = true;
        }
    }

    private final long accountId;
    private final long roomId;
    private final List<Round> rounds; // in order of start
    private boolean dirty;
    private Timeline timeline; // null after a change, made again when asked for

    public Room(long accountId, long roomId, List<Round> rounds) {
        this.accountId = accountId;
        this.roomId = roomId;
        this.rounds = new ArrayList<>(rounds);
    }

    public static Room fresh(long accountId, long roomId) {
        Room room = new Room(accountId, roomId, List.of());
        room.dirty = true;
        return room;
    }

    public long accountId() {
        return accountId;
    }

    public long roomId() {
        return roomId;
    }

    /** Not started yet, live (its last round is open), or ended. */
    public Status status() {
        if (rounds.isEmpty()) {
            return Status.PREVIEW;
        }
        return last().endedAt == 0 ? Status.LIVE : Status.ENDED;
    }

    public List<Round> rounds() {
        return Collections.unmodifiableList(rounds);
    }

    /** Whether the room's own row changed (its rounds say so each). */
    public boolean dirty() {
        return dirty;
    }

    Timeline timeline() {
        if (timeline == null) {
            timeline = rounds.isEmpty() ? Timeline.EMPTY : Timeline.of(rounds);
        }
        return timeline;
    }

    /**
     * Starts a round at {@code at}, ending an open one there; false when the event is stale: that round exists, or
     * {@code at} is not after the last round's start and end.
     */
    boolean start(long roundId, long at) {
        Round last = rounds.isEmpty() ? null : last();
        if (roundId > 0 && rounds.stream().anyMatch(r -> r.roundId == roundId)) {
            return false;
        }
        if (last != null && (at <= last.startedAt || (last.endedAt > 0 && at < last.endedAt))) {
            return false;
        }
        if (last != null && last.endedAt == 0) {
            last.end(at); // rounds never overlap, so no second can count as live twice
        }
        long id = roundId > 0 ? roundId : rounds.stream().mapToLong(r -> r.roundId).max().orElse(0) + 1;
        Round round = new Round(id, at, 0);
        round.dirty = true;
        rounds.add(round);
        changed();
        return true;
    }

    /**
     * Ends the round {@code roundId} (0: the last one started before {@code at}) at {@code at}, unless it ended at or
     * before that already; a round ended by the next one's start still takes its own, earlier end when it arrives.
     */
    boolean end(long roundId, long at) {
        Round round = null;
        for (Round r : rounds) {
            if (roundId > 0 ? r.roundId == roundId : r.startedAt < at) {
                round = r;
            }
        }
        if (round == null || at <= round.startedAt || (round.endedAt > 0 && round.endedAt <= at)) {
            return false;
        }
        round.end(at);
        changed();
        return true;
    }

    private Round last() {
        return rounds.get(rounds.size() - 1);
    }

    private void changed() {
        dirty = true; // the status may have changed
        timeline = null;
    }
}
