package io.watchtime.server.ingest.core;

import java.util.List;

/**
 * What one group adds to the per-round records ({@code round_viewings}) and to the per-minute audience of rooms
 * ({@code room_minutes}). Both are additive deltas computed where crediting computes the record's own numbers, so
 * the writer never loads either table, and the rows of all rounds add up to the room's record by construction:
 * every second, and every live or replay second, that a record gains or loses is gained or lost by exactly one
 * round.
 *
 * <p>Which round owns a second: see {@link Timeline#forEachOwner}. Seconds credited while the room has no round
 * yet are kept under round 0; when the room's first round starts, round 0 of the group's deltas is re-keyed to it
 * and the stored round-0 rows of the room are merged into it ({@link FirstRound}), since the first round owns all
 * of the room's preview. A later room event can only append a round after the last one (an earlier start is
 * stale), so a late start moves the seconds credited at and after it from the round before to the new one; the
 * records remember their recent seconds ({@link CreditedSpans}) and each round gains or loses the difference of
 * its share of them, exactly as the record's live/replay split is corrected, within the same lateness window.
 *
 * <p>A round row's first/last visit are its first and last credited seconds: a gain can only lower the first and
 * raise the last (LEAST/GREATEST on save); a round that loses seconds to a late start gets its last visit capped
 * at the last second it keeps ({@link RoundViewing#lastVisitCap}), and its row is deleted when it keeps none.
 *
 * <p>room_minutes: a viewer adds 1 to a minute the first time one of its seconds in that minute is credited.
 * Crediting only moves forward per record (every credit starts at or after the record's credited_until, which is
 * one past the last second credited, over all sessions, gaps included; a correction moves no second), so the first
 * minute of a credit {@code [from, to)} is new unless credited_until was already past that minute's start, and
 * every later minute of it is new. Seconds are credited whatever the mode: preview counts as online.
 */
public record Audience(List<RoundViewing> roundViewings, List<FirstRound> firstRounds, List<RoomMinute> minutes) {

    /** No first visit in a delta that gains no second. */
    public static final long NO_FIRST = Long.MAX_VALUE;
    /** No last visit in a delta that gains no second. */
    public static final long NO_LAST = 0;
    /** No cap: the round lost no second. */
    public static final long NO_CAP = Long.MAX_VALUE;

    /**
     * What one viewer's row of one round gains (negative: loses): seconds, first and last credited second (merged
     * by LEAST / GREATEST), and a cap its last visit must not pass once merged ({@link #NO_CAP} but after a loss).
     */
    public record RoundViewing(long roomId, long roundId, long viewerId, long stay, long live, long playback,
            long firstVisit, long lastVisit, long lastVisitCap, long updateTime) {

        /** Both deltas of one row as one (PostgreSQL's batched upsert may not touch a row twice). */
        public RoundViewing plus(RoundViewing other) {
            return new RoundViewing(roomId, roundId, viewerId, stay + other.stay, live + other.live,
                    playback + other.playback, Math.min(firstVisit, other.firstVisit),
                    Math.min(Math.max(lastVisit, other.lastVisit), Math.min(lastVisitCap, other.lastVisitCap)),
                    Math.min(lastVisitCap, other.lastVisitCap), updateTime);
        }

        /** This delta for another round, without a cap (what round 0 loses, the round it becomes gains). */
        RoundViewing inRound(long otherRoundId) {
            return new RoundViewing(roomId, otherRoundId, viewerId, stay, live, playback, firstVisit, lastVisit,
                    NO_CAP, updateTime);
        }

        RoundViewing stamped(long time) {
            return new RoundViewing(roomId, roundId, viewerId, stay, live, playback, firstVisit, lastVisit,
                    lastVisitCap, time);
        }

        public boolean capped() {
            return lastVisitCap != NO_CAP;
        }
    }

    /** The room's first round started: its stored round-0 rows move into {@code roundId}, stamped {@code updateTime}. */
    public record FirstRound(long roomId, long roundId, long updateTime) {
    }

    /** Viewers of the room credited for the first time in the minute starting at {@code minute} (epoch seconds). */
    public record RoomMinute(long roomId, long minute, long online) {
    }

    public boolean isEmpty() {
        return roundViewings.isEmpty() && firstRounds.isEmpty() && minutes.isEmpty();
    }
}
