package io.watchtime.server.ingest.core;

import io.watchtime.protocol.WatchMode;
import java.util.List;

/**
 * A room's rounds as crediting reads them, frozen: which seconds were live, and from which second a replay exists.
 * Every split of credited seconds into live and replay is a function of the seconds and of this timeline alone, so
 * that a late room event can recompute the split of seconds credited before it arrived.
 *
 * <p>The room decides, per second {@code t}: live when {@code t} lies in a round (a round still open is live until
 * it ends); replay when it lies in no round but after the end of the room's first round (a replay exists); preview
 * otherwise. A session's declared mode only narrows that: {@code live} keeps the live seconds, {@code playback} the
 * replay seconds, {@code preview} neither, and a session that declared nothing keeps both. So declared playback
 * counts nothing before the first round has ended (there is nothing to replay), and nothing while a later round
 * is live (a live room takes its page to the live stream; a player still showing a replay should say so by
 * sending its mode when it switches). Seconds that count neither are stay only.
 */
public final class Timeline {

    /** Seconds of one credited interval that are live, and that are replay; the rest of the stay is preview. */
    public record Split(long live, long playback) {
        static final Split NONE = new Split(0, 0);

        Split plus(Split other) {
            return new Split(live + other.live, playback + other.playback);
        }
    }

    /** Seconds {@code [from, to)} that belong to one round (see {@link #forEachOwner}). */
    @FunctionalInterface
    interface OwnedSeconds {
        void accept(long roundId, long from, long to);
    }

    static final Timeline EMPTY = new Timeline(new long[0], new long[0], new long[0]);

    private final long[] ids;
    private final long[] starts;
    private final long[] ends; // Long.MAX_VALUE while the round is open

    private Timeline(long[] ids, long[] starts, long[] ends) {
        this.ids = ids;
        this.starts = starts;
        this.ends = ends;
    }

    static Timeline of(List<Room.Round> rounds) {
        long[] ids = new long[rounds.size()];
        long[] starts = new long[rounds.size()];
        long[] ends = new long[rounds.size()];
        for (int i = 0; i < starts.length; i++) {
            Room.Round round = rounds.get(i);
            ids[i] = round.roundId();
            starts[i] = round.startedAt();
            ends[i] = round.endedAt() == 0 ? Long.MAX_VALUE : round.endedAt();
        }
        return new Timeline(ids, starts, ends);
    }

    /**
     * Cuts {@code [from, to)} by the round that owns each second. A second belongs to the latest round started at or
     * before it: live inside the round, replay after its end until the next round starts. Seconds before the
     * room's first round (its preview) belong to that first round. While the room has no round at all they belong
     * to round 0, which stands for "the first round, once it starts" (see {@link Audience}). Only a round's start
     * moves the border between two rounds; its end never does.
     */
    void forEachOwner(long from, long to, OwnedSeconds action) {
        if (ids.length == 0) {
            action.accept(0, from, to);
            return;
        }
        long at = from;
        for (int i = 0; i < ids.length && at < to; i++) {
            long next = i + 1 < ids.length ? starts[i + 1] : Long.MAX_VALUE;
            if (next > at) {
                long stop = Math.min(to, next);
                action.accept(ids[i], at, stop);
                at = stop;
            }
        }
    }

    /** The split of the seconds {@code [from, to)} watched in {@code mode} (null: following the room). */
    Split split(long from, long to, WatchMode mode) {
        if (mode == WatchMode.PREVIEW || to <= from) {
            return Split.NONE;
        }
        long live = live(from, to);
        long replayFrom = Math.max(from, starts.length == 0 ? Long.MAX_VALUE : ends[0]);
        long replay = to > replayFrom ? to - replayFrom - live(replayFrom, to) : 0;
        if (mode == null) {
            return new Split(live, replay);
        }
        return mode == WatchMode.LIVE ? new Split(live, 0) : new Split(0, replay);
    }

    /** Seconds of {@code [from, to)} that lie in a round; rounds never overlap, so none counts twice. */
    private long live(long from, long to) {
        long live = 0;
        for (int i = 0; i < starts.length && starts[i] < to; i++) {
            long start = Math.max(from, starts[i]);
            long stop = Math.min(to, ends[i]);
            if (stop > start) {
                live += stop - start;
            }
        }
        return live;
    }
}
