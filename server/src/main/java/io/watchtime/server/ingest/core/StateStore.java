package io.watchtime.server.ingest.core;

import io.watchtime.server.storage.ViewingRow;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one account's keyed state lives between groups: rooms by room, records by (room, viewer), sessions by
 * (room, viewer, session). The writer's implementation is JDBC inside its transaction; tests keep it in memory.
 * Loads return what exists; what is absent is new.
 */
public interface StateStore {

    /** These rooms with their rounds. */
    List<Room> loadRooms(long accountId, Collection<Long> roomIds);

    /** The records of these viewers in these rooms (viewers by room). */
    List<ViewingRow> loadViewings(long accountId, Map<Long, Set<Long>> viewersByRoom);

    /**
     * The records of a room that credited seconds after {@code after}: those whose split a room event at
     * {@code after} can change.
     */
    List<ViewingRow> loadViewingsCreditedAfter(long accountId, long roomId, long after);

    /** The sessions these viewers have in these rooms (viewers by room). */
    List<Session> loadSessions(long accountId, Map<Long, Set<Long>> viewersByRoom);

    /**
     * Saves what a group changed: rooms whose row or some round is dirty (each saves what is dirty), and the
     * changed sessions and records (stamped with their update_time already), and what the group adds to the round
     * rows and minutes of its rooms, applied as {@link Audience} says: deltas added to what is stored, round-0 rows
     * of rooms whose first round started merged into it.
     */
    void save(long accountId, Collection<Room> rooms, Collection<Session> sessions, Collection<ViewingState> viewings,
            Audience audience);
}
