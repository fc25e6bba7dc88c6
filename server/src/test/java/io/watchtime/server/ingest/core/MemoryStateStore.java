package io.watchtime.server.ingest.core;

import io.watchtime.server.storage.ViewingRow;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The core's state in memory, as the JDBC store keeps it in tables: loads hand out copies and only what a group
 * saves comes back, so a change the core forgets to mark dirty is lost here as it would be in the database.
 */
public final class MemoryStateStore implements StateStore {

    private record RoomKey(long accountId, long roomId) {
    }

    private record ViewingKey(long accountId, long roomId, long viewerId) {
    }

    private record SessionKey(long accountId, long roomId, long viewerId, String sessionId) {
    }

    private record RoundKey(long accountId, long roomId, long roundId, long viewerId) {
    }

    private record MinuteKey(long accountId, long roomId, long minute) {
    }

    private final Map<RoomKey, Room> rooms = new HashMap<>();
    private final Map<RoundKey, Audience.RoundViewing> roundViewings = new HashMap<>(); // rows, as deltas without cap
    private final Map<MinuteKey, Long> minutes = new HashMap<>();
    private final Map<ViewingKey, ViewingRow> viewings = new HashMap<>();
    private final Map<SessionKey, Session> sessions = new HashMap<>();

    @Override
    public List<Room> loadRooms(long accountId, Collection<Long> roomIds) {
        List<Room> found = new ArrayList<>();
        for (long roomId : roomIds) {
            Room room = rooms.get(new RoomKey(accountId, roomId));
            if (room != null) {
                found.add(copy(room));
            }
        }
        return found;
    }

    @Override
    public List<ViewingRow> loadViewings(long accountId, Map<Long, Set<Long>> viewersByRoom) {
        List<ViewingRow> found = new ArrayList<>();
        viewersByRoom.forEach((roomId, viewers) -> viewers.forEach(viewerId -> {
            ViewingRow row = viewings.get(new ViewingKey(accountId, roomId, viewerId));
            if (row != null) {
                found.add(copy(row));
            }
        }));
        return found;
    }

    @Override
    public List<ViewingRow> loadViewingsCreditedAfter(long accountId, long roomId, long after) {
        return viewings.values().stream()
                .filter(row -> row.accountId == accountId && row.roomId == roomId && row.creditedUntil > after)
                .map(MemoryStateStore::copy).toList();
    }

    @Override
    public List<Session> loadSessions(long accountId, Map<Long, Set<Long>> viewersByRoom) {
        List<Session> found = new ArrayList<>();
        sessions.forEach((key, session) -> {
            if (key.accountId() == accountId && viewersByRoom.getOrDefault(key.roomId(), Set.of()).contains(key.viewerId())) {
                found.add(copy(session));
            }
        });
        return found;
    }

    @Override
    public void save(long accountId, Collection<Room> changedRooms, Collection<Session> changedSessions,
            Collection<ViewingState> changedViewings, Audience audience) {
        changedRooms.forEach(room -> rooms.put(new RoomKey(accountId, room.roomId()), copy(room)));
        changedSessions.forEach(s -> sessions.put(new SessionKey(accountId, s.roomId(), s.viewerId(), s.sessionId()),
                copy(s)));
        changedViewings.forEach(v -> viewings.put(new ViewingKey(accountId, v.row().roomId, v.row().viewerId),
                copy(v.row())));
        saveRoundViewings(accountId, audience);
        audience.minutes().forEach(m -> minutes.merge(new MinuteKey(accountId, m.roomId(), m.minute()), m.online(),
                Long::sum));
    }

    /** As the JDBC store does: deltas added, capped losers trimmed, round 0 merged into a first round. */
    private void saveRoundViewings(long accountId, Audience audience) {
        List<Audience.RoundViewing> deltas = new ArrayList<>(audience.roundViewings());
        for (Audience.FirstRound first : audience.firstRounds()) {
            roundViewings.forEach((key, row) -> {
                if (key.accountId() == accountId && key.roomId() == first.roomId() && key.roundId() == 0) {
                    deltas.add(new Audience.RoundViewing(row.roomId(), first.roundId(), row.viewerId(), row.stay(),
                            row.live(), row.playback(), row.firstVisit(), row.lastVisit(), Audience.NO_CAP,
                            first.updateTime()));
                }
            });
        }
        for (Audience.RoundViewing d : deltas) {
            RoundKey key = new RoundKey(accountId, d.roomId(), d.roundId(), d.viewerId());
            Audience.RoundViewing row = roundViewings.get(key);
            row = row == null ? d : new Audience.RoundViewing(d.roomId(), d.roundId(), d.viewerId(), row.stay() + d.stay(),
                    row.live() + d.live(), row.playback() + d.playback(), Math.min(row.firstVisit(), d.firstVisit()),
                    Math.min(Math.max(row.lastVisit(), d.lastVisit()), d.lastVisitCap()), Audience.NO_CAP,
                    d.updateTime());
            if (d.capped() && row.stay() == 0) {
                roundViewings.remove(key);
            } else {
                roundViewings.put(key, new Audience.RoundViewing(row.roomId(), row.roundId(), row.viewerId(),
                        row.stay(), row.live(), row.playback(), row.firstVisit(), row.lastVisit(), Audience.NO_CAP,
                        row.updateTime()));
            }
        }
        audience.firstRounds().forEach(first -> roundViewings.keySet().removeIf(key -> key.accountId() == accountId
                && key.roomId() == first.roomId() && key.roundId() == 0));
    }

    /** Every round row of an account, in key order. */
    public List<Audience.RoundViewing> roundViewings(long accountId) {
        return roundViewings.entrySet().stream().filter(e -> e.getKey().accountId() == accountId)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingLong(RoundKey::roomId)
                        .thenComparingLong(RoundKey::roundId).thenComparingLong(RoundKey::viewerId)))
                .map(Map.Entry::getValue).toList();
    }

    /** Every minute of an account's rooms, as "room minute online", in key order. */
    public List<String> minutes(long accountId) {
        return minutes.entrySet().stream().filter(e -> e.getKey().accountId() == accountId)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingLong(MinuteKey::roomId)
                        .thenComparingLong(MinuteKey::minute)))
                .map(e -> e.getKey().roomId() + " " + e.getKey().minute() + " " + e.getValue()).toList();
    }

    /** The stored record, or a fresh one when the viewer never came. */
    public ViewingRow viewing(long accountId, long roomId, long viewerId) {
        ViewingRow row = viewings.get(new ViewingKey(accountId, roomId, viewerId));
        return row == null ? new ViewingRow(accountId, roomId, viewerId) : copy(row);
    }

    public Room room(long accountId, long roomId) {
        Room room = rooms.get(new RoomKey(accountId, roomId));
        return room == null ? Room.fresh(accountId, roomId) : copy(room);
    }

    /** Every record of an account, in key order. */
    public List<ViewingRow> viewings(long accountId) {
        return viewings.entrySet().stream().filter(e -> e.getKey().accountId() == accountId)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingLong(ViewingKey::roomId)
                        .thenComparingLong(ViewingKey::viewerId)))
                .map(e -> copy(e.getValue())).toList();
    }

    private static Room copy(Room room) {
        List<Room.Round> rounds = room.rounds().stream()
                .map(r -> new Room.Round(r.roundId(), r.startedAt(), r.endedAt())).toList();
        return new Room(room.accountId(), room.roomId(), rounds);
    }

    private static Session copy(Session s) {
        return new Session(s.roomId(), s.viewerId(), s.sessionId(), s.lastAt(), s.mode(), s.ended());
    }

    /** Field by field, whatever fields the row has: the store must not need an edit when a column is added. */
    static ViewingRow copy(ViewingRow row) {
        ViewingRow copy = new ViewingRow();
        try {
            for (Field field : ViewingRow.class.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.set(copy, field.get(row));
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return copy;
    }
}
