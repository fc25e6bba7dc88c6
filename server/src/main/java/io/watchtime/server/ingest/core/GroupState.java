package io.watchtime.server.ingest.core;

import io.watchtime.protocol.EventType;
import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.storage.ViewingChanges;
import io.watchtime.server.storage.ViewingRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state one account's part of a group touches, loaded once from a {@link StateStore}, changed by the group's
 * batches in arrival order, and saved once: the crediting rules as a keyed state machine, without threads,
 * transactions or SQL.
 */
public final class GroupState {

    private record ViewingKey(long roomId, long viewerId) {
    }

    private record MinuteKey(long roomId, long minute) {
    }

    private record SessionKey(long roomId, long viewerId, String sessionId) {
    }

    private static final Comparator<Enriched> ORDER = Comparator.comparing(Enriched::event, EventOrder.CHRONOLOGICAL);

    private final long accountId;
    private final Crediting crediting;
    private final Map<Long, Room> rooms = new HashMap<>();
    private final Map<SessionKey, Session> sessions = new HashMap<>();
    private final Map<ViewingKey, ViewingState> viewings = new HashMap<>();
    private final Map<Long, List<ViewingState>> viewingsByRoom = new HashMap<>(); // for corrections by room events
    private final List<Long> firstRoundStarted = new ArrayList<>(); // rooms whose round 0 becomes their first round
    private long updateTime; // set by stamp()

    private GroupState(long accountId, Crediting crediting) {
        this.accountId = accountId;
        this.crediting = crediting;
    }

    /** Loads every room, record and session these batches touch, a few statements in all; what is absent is new. */
    public static GroupState load(StateStore store, long accountId, Crediting crediting,
            List<List<Enriched>> batches) {
        GroupState state = new GroupState(accountId, crediting);
        Map<Long, Set<Long>> viewersByRoom = new HashMap<>();
        Map<Long, Long> firstRoomEvent = new HashMap<>();
        for (List<Enriched> batch : batches) {
            for (Enriched enriched : batch) {
                IngestEvent e = enriched.event();
                Set<Long> viewers = viewersByRoom.computeIfAbsent(e.roomId(), id -> new HashSet<>());
                if (e.type().isViewerEvent()) {
                    viewers.add(e.wechatUserSpaceId());
                } else {
                    firstRoomEvent.merge(e.roomId(), e.at(), Math::min);
                }
            }
        }
        for (Room room : store.loadRooms(accountId, viewersByRoom.keySet())) {
            state.rooms.put(room.roomId(), room);
        }
        viewersByRoom.keySet().forEach(roomId -> state.rooms.computeIfAbsent(roomId, id -> Room.fresh(accountId, id)));
        viewersByRoom.values().removeIf(Set::isEmpty);
        for (ViewingRow row : store.loadViewings(accountId, viewersByRoom)) {
            state.viewings.put(new ViewingKey(row.roomId, row.viewerId), new ViewingState(row));
        }
        // A room event may change the split of seconds already credited after it: those records are corrected.
        firstRoomEvent.forEach((roomId, at) -> store.loadViewingsCreditedAfter(accountId, roomId, at).forEach(row ->
                state.viewings.putIfAbsent(new ViewingKey(row.roomId, row.viewerId), new ViewingState(row))));
        for (Session s : store.loadSessions(accountId, viewersByRoom)) {
            state.sessions.put(new SessionKey(s.roomId(), s.viewerId(), s.sessionId()), s);
        }
        viewersByRoom.forEach((roomId, viewers) -> viewers.forEach(viewerId -> state.viewings.computeIfAbsent(
                new ViewingKey(roomId, viewerId), k -> ViewingState.fresh(accountId, roomId, viewerId))));
        state.viewings.values().forEach(v -> state.viewingsByRoom.computeIfAbsent(v.row().roomId,
                id -> new ArrayList<>()).add(v));
        return state;
    }

    /** Applies one batch, in time order whatever order it was listed in. */
    public IngestAck apply(List<Enriched> batch) {
        List<Enriched> ordered = new ArrayList<>(batch);
        ordered.sort(ORDER);
        int applied = 0;
        for (Enriched e : ordered) {
            if (apply(e)) {
                applied++;
            }
        }
        return new IngestAck(batch.size(), applied, batch.size() - applied);
    }

    private boolean apply(Enriched enriched) {
        IngestEvent e = enriched.event();
        Room room = rooms.get(e.roomId()); // loaded for every event
        if (!e.type().isViewerEvent()) {
            Timeline before = room.timeline();
            boolean preview = room.rounds().isEmpty();
            boolean changed = e.type() == EventType.ROOM_START ? room.start(e.roundId(), e.at())
                    : room.end(e.roundId(), e.at());
            if (changed) {
                correct(room, before, e.at());
                if (preview) {
                    firstRoundStarted(room);
                }
            }
            return changed;
        }
        Session session = sessions.computeIfAbsent(new SessionKey(e.roomId(), e.wechatUserSpaceId(), e.sessionId()),
                k -> Session.fresh(e.roomId(), e.wechatUserSpaceId(), e.sessionId()));
        ViewingState viewing = viewings.get(new ViewingKey(e.roomId(), e.wechatUserSpaceId())); // loaded likewise
        if (e.type() == EventType.ENTER) {
            // Even an enter that credits nothing (late, or retried after a later batch) tells who came and
            // when: it fills what the record lacks, and overwrites only when it is the latest visit.
            boolean latest = e.at() >= viewing.lastVisit();
            viewing.visited(e.at(), true);
            viewing.applyProfile(e.profile(), enriched.area(), enriched.device(), latest);
        }
        return crediting.apply(e.type(), e.at(), e.mode(), session, viewing, room);
    }

    /**
     * The room's timeline changed from {@code before} on, at {@code from} and later: every record of the room that
     * credited seconds after {@code from} (all loaded with the group) splits its remembered seconds again.
     */
    private void correct(Room room, Timeline before, long from) {
        Timeline after = room.timeline();
        for (ViewingState viewing : viewingsByRoom.getOrDefault(room.roomId(), List.of())) {
            if (viewing.creditedUntil() > from) {
                viewing.reclassify(before, after);
            }
        }
    }

    /** Round 0 (the seconds credited before the room had a round) belongs to the first round from now on. */
    private void firstRoundStarted(Room room) {
        long roundId = room.rounds().get(0).roundId();
        firstRoundStarted.add(room.roomId());
        viewingsByRoom.getOrDefault(room.roomId(), List.of()).forEach(v -> v.firstRoundStarted(roundId));
    }

    /** Stamps the changed records with the commit's update_time and returns what changed, for the read side. */
    public List<ViewingChanges.Change> stamp(long updateTime) {
        this.updateTime = updateTime;
        List<ViewingChanges.Change> changes = new ArrayList<>();
        for (ViewingState v : viewings.values()) {
            if (v.dirty()) {
                changes.add(new ViewingChanges.Change(v.row().viewerId, v.updateTimeBefore(), updateTime));
                v.stamp(updateTime);
            }
        }
        return changes;
    }

    /** Saves what changed; call after {@link #stamp}. */
    public void save(StateStore store) {
        store.save(accountId,
                rooms.values().stream().filter(r -> r.dirty() || r.rounds().stream().anyMatch(Room.Round::dirty)).toList(),
                sessions.values().stream().filter(Session::dirty).toList(),
                viewings.values().stream().filter(ViewingState::dirty).toList(),
                audience());
    }

    /**
     * Whether a round row changes: it may while no record does (a late start that moves seconds between rounds
     * without changing their split), and the account's update_time must move then too.
     */
    public boolean roundsChanged() {
        return viewings.values().stream().anyMatch(v -> !v.roundDeltas().isEmpty()) || !firstRoundStarted.isEmpty();
    }

    /** What the group adds to the rooms' round rows and minutes, stamped with the records' update_time. */
    private Audience audience() {
        List<Audience.RoundViewing> rounds = new ArrayList<>();
        Map<MinuteKey, Long> online = new HashMap<>();
        for (ViewingState v : viewings.values()) {
            v.roundDeltas().forEach(delta -> rounds.add(delta.stamped(updateTime)));
            v.newMinutes().forEach(minute -> online.merge(new MinuteKey(v.row().roomId, minute), 1L, Long::sum));
        }
        return new Audience(rounds,
                firstRoundStarted.stream().map(roomId -> new Audience.FirstRound(roomId,
                        rooms.get(roomId).rounds().get(0).roundId(), updateTime)).toList(),
                online.entrySet().stream().map(e -> new Audience.RoomMinute(e.getKey().roomId(), e.getKey().minute(),
                        e.getValue())).toList());
    }
}
