package io.watchtime.server.ingest;

import io.watchtime.protocol.EventType;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.WatchtimeProperties;
import io.watchtime.server.web.ApiException;
import io.watchtime.server.geo.Areas;
import io.watchtime.server.geo.Devices;
import io.watchtime.server.storage.Dialect;
import io.watchtime.server.viewing.Totals;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one writer: takes every batch waiting, applies them in arrival order in one transaction (group
 * commit), and completes each caller only after the commit, so an acknowledged event is durable and at
 * once visible to queries.
 */
@Component
@ConditionalOnWebApplication // the admin CLI runs the same context without a web server: no writer there
public class IngestWriter implements SmartLifecycle {

    /** What became of one batch: events applied, and events ignored as stale (re-sent, duplicated, late). */
    public record Outcome(int applied, int ignored) {
    }

    private record RoomKey(long accountId, long roomId) {
    }

    private record ViewingKey(long accountId, long roomId, long viewerId) {
    }

    private record SessionKey(long accountId, long roomId, long viewerId, String sessionId) {
    }

    private static final Logger log = LoggerFactory.getLogger(IngestWriter.class);
    private static final int MAX_GROUP_EVENTS = 50_000;
    /** Bounds the memory that waiting batches hold, whatever their number. */
    private static final int MAX_QUEUED_EVENTS = 200_000;
    private static final long PRUNE_EVERY_SECONDS = 3600;
    private static final long KEEP_SESSIONS_SECONDS = 86_400;
    private static final long PRUNE_SLICE_SECONDS = 600;
    /**
     * Within a batch, events of one second apply in the order a room lives: the previous round's end, the
     * next start, then enter, beats, leave;
     * full ties are broken by content, so the order a client happened to list them in never matters.
     */
    private static final Comparator<IngestEvent> CHRONOLOGICAL = Comparator.comparingLong(IngestEvent::at)
            .thenComparingInt(e -> switch (e.type()) {
                case ROOM_END -> 0;
                case ROOM_START -> 1;
                case ENTER -> 2;
                case HEARTBEAT -> 3;
                case LEAVE -> 4;
            })
            .thenComparingLong(IngestEvent::roomId)
            .thenComparingLong(IngestEvent::wechatUserSpaceId)
            .thenComparing(IngestEvent::sessionId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(IngestEvent::toString); // rare: the same viewer's same event twice at one second

    private final DataSource dataSource;
    private final Clock clock;
    private final Areas areas;
    private final Crediting crediting;
    private final IngestStore store;
    private final Totals totals;
    private final BlockingQueue<Ticket> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private volatile boolean running;
    private Thread thread;
    private long lastPrune;
    private long pruneUntil; // 0: no pruning under way
    private int pruned;
    private long lastUpdateTime; // writer thread only, like the three above

    IngestWriter(DataSource dataSource, Dialect dialect, Clock clock, Areas areas, Totals totals,
                 WatchtimeProperties properties) {
        this.dataSource = dataSource;
        this.store = new IngestStore(dialect);
        this.totals = totals;
        this.clock = clock;
        this.areas = areas;
        this.crediting = new Crediting(properties.crediting().maxGap().toSeconds(),
                properties.crediting().sessionTimeout().toSeconds());
    }

    /** Queues a validated batch (every {@code at} already set); its ticket completes after the commit. */
    Ticket submit(long accountId, List<IngestEvent> events) {
        Ticket ticket = new Ticket(accountId, events);
        if (!running) {
            ticket.done.completeExceptionally(new ApiException(503, "ingest is shutting down; retry in a moment", 5));
        } else if (queuedEvents.addAndGet(events.size()) > MAX_QUEUED_EVENTS) {
            queuedEvents.addAndGet(-events.size());
            ticket.done.completeExceptionally(new ApiException(503, "ingest queue is full; retry in a second", 1));
        } else {
            queue.add(ticket);
        }
        return ticket;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "ingest-writer");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Below the web server's phases: the writer starts before requests arrive and stops after the last one. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        List<Ticket> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                pruneSessionsHourly();
                Ticket first = queue.poll(200, TimeUnit.MILLISECONDS);
                int events = first == null ? 0 : take(first, group);
                for (Ticket next = queue.poll(); next != null; next = events < MAX_GROUP_EVENTS ? queue.poll() : null) {
                    events += take(next, group);
                }
                if (!group.isEmpty()) {
                    write(group);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) { // even an Error must not silently end the only writer
                log.error("ingest writer failed on a group of {} batches: {}", group.size(), t.toString(), t);
                ApiException failure = new ApiException(503, "could not store the events; nothing was applied, retry", 1);
                group.forEach(ticket -> ticket.done.completeExceptionally(failure));
            } finally {
                group.clear();
            }
        }
    }

    /** Adds the ticket to the group unless its caller gave up; returns the events it brings. */
    private int take(Ticket ticket, List<Ticket> group) {
        queuedEvents.addAndGet(-ticket.events.size());
        if (!ticket.claim()) {
            return 0;
        }
        group.add(ticket);
        return ticket.events.size();
    }

    private void write(List<Ticket> group) {
        List<Outcome> outcomes = new ArrayList<>(group.size());
        Map<Long, List<Totals.Change>> changes;
        Map<Long, Long> versions = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                GroupState state = new GroupState(c);
                state.load(group);
                for (Ticket ticket : group) {
                    outcomes.add(state.apply(ticket.accountId, ticket.events));
                }
                store.saveRooms(c, state.rooms.values());
                store.saveSessions(c, state.sessions.values());
                long updateTime = nextUpdateTime();
                changes = state.changes(updateTime);
                store.saveViewings(c, state.viewings.values(), updateTime);
                for (long accountId : changes.keySet()) {
                    versions.put(accountId, Totals.nextVersion(c, accountId));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            log.error("ingest group of {} batches failed and was rolled back: {}", group.size(), summary(e));
            ApiException failure = new ApiException(503, "could not store the events (" + e.getClass().getSimpleName()
                    + "); nothing of this batch was applied, retry it", 1);
            group.forEach(ticket -> ticket.done.completeExceptionally(failure));
            return;
        }
        changes.forEach((accountId, changed) -> totals.committed(accountId, versions.get(accountId), changed));
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done.complete(outcomes.get(i));
        }
    }

    /**
     * Never earlier than the last one: a changed record must move forward in update_time order, or a keyset or
     * cursor walk already past its new place would miss it (a wall clock can step back).
     */
    private long nextUpdateTime() {
        lastUpdateTime = Math.max(lastUpdateTime, clock.instant().getEpochSecond());
        return lastUpdateTime;
    }

    /** The cause in one short line: a driver's message can hold a whole batch of statements and viewers' data. */
    private static String summary(Exception e) {
        Throwable cause = e instanceof SQLException sql && sql.getNextException() != null ? sql.getNextException() : e;
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() <= 300 ? message : message.substring(0, 297) + "...";
    }

    /**
     * Forgets sessions silent for a day, hourly, ten minutes' worth at a time between groups, so that no
     * single delete holds up ingest however many sessions a day brings.
     */
    private void pruneSessionsHourly() {
        long now = clock.instant().getEpochSecond();
        if (pruneUntil == 0 && now - lastPrune < PRUNE_EVERY_SECONDS) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (pruneUntil == 0) {
                lastPrune = now;
                pruneUntil = now - KEEP_SESSIONS_SECONDS;
            }
            long oldest = store.oldestSession(c); // by the last_at index: sparse old data is skipped at once
            if (oldest < pruneUntil) {
                pruned += store.pruneSessions(c, Math.min(oldest + PRUNE_SLICE_SECONDS, pruneUntil));
            } else {
                if (pruned > 0) {
                    log.info("forgot {} sessions silent for over a day", pruned);
                }
                pruneUntil = 0;
                pruned = 0;
            }
        } catch (SQLException e) {
            log.warn("session pruning failed, will retry in an hour: {}", e.toString());
            pruneUntil = 0;
        }
    }

    /** The state one group touches, loaded once and saved once. */
    private final class GroupState {
        private final Connection c;
        private final Map<RoomKey, Room> rooms = new HashMap<>();
        private final Map<SessionKey, Session> sessions = new HashMap<>();
        private final Map<ViewingKey, Viewing> viewings = new HashMap<>();

        GroupState(Connection c) {
            this.c = c;
        }

        Outcome apply(long accountId, List<IngestEvent> events) {
            List<IngestEvent> ordered = new ArrayList<>(events);
            ordered.sort(CHRONOLOGICAL);
            int applied = 0;
            for (IngestEvent e : ordered) {
                if (apply(accountId, e)) {
                    applied++;
                }
            }
            return new Outcome(applied, events.size() - applied);
        }

        private boolean apply(long accountId, IngestEvent e) {
            Room room = room(accountId, e.roomId());
            if (e.type() == EventType.ROOM_START) {
                return room.start(e.roundId(), e.at());
            }
            if (e.type() == EventType.ROOM_END) {
                return room.end(e.roundId(), e.at());
            }
            Session session = session(accountId, e);
            Viewing viewing = viewing(accountId, e.roomId(), e.wechatUserSpaceId());
            if (e.type() == EventType.ENTER) {
                // Even an enter that credits nothing (late, or retried after a later batch) tells who came and
                // when: it fills what the record lacks, and overwrites only when it is the latest visit.
                boolean latest = e.at() >= viewing.lastVisit;
                viewing.visited(e.at(), true);
                viewing.applyProfile(e.profile(), areas.of(e.profile().ip()), Devices.of(e.profile().userAgent()), latest);
            }
            return crediting.apply(e.type(), e.at(), e.mode(), session, viewing, room);
        }

        private Room room(long accountId, long roomId) {
            return rooms.get(new RoomKey(accountId, roomId)); // loaded for every event
        }

        /**
         * Loads every record and session the group's viewer events touch, a few statements per room rather than
         * two per viewer; what is not found is new.
         */
        void load(List<Ticket> group) throws SQLException {
            Map<Long, Map<Long, Set<Long>>> viewersByRoomByAccount = new HashMap<>();
            for (Ticket ticket : group) {
                Map<Long, Set<Long>> viewersByRoom =
                        viewersByRoomByAccount.computeIfAbsent(ticket.accountId, id -> new HashMap<>());
                for (IngestEvent e : ticket.events) {
                    Set<Long> viewers = viewersByRoom.computeIfAbsent(e.roomId(), id -> new HashSet<>());
                    if (e.type().isViewerEvent()) {
                        viewers.add(e.wechatUserSpaceId());
                    }
                }
            }
            for (Map.Entry<Long, Map<Long, Set<Long>>> account : viewersByRoomByAccount.entrySet()) {
                long accountId = account.getKey();
                Map<Long, Set<Long>> viewersByRoom = account.getValue();
                store.loadRooms(c, accountId, viewersByRoom.keySet())
                        .forEach((roomId, room) -> rooms.put(new RoomKey(accountId, roomId), room));
                viewersByRoom.values().removeIf(Set::isEmpty);
                for (Viewing v : store.loadViewings(c, accountId, viewersByRoom)) {
                    viewings.put(new ViewingKey(accountId, v.roomId, v.viewerId), v);
                }
                for (Session s : store.loadSessions(c, accountId, viewersByRoom)) {
                    sessions.put(new SessionKey(accountId, s.roomId, s.viewerId, s.sessionId), s);
                }
                viewersByRoom.forEach((roomId, viewers) -> viewers.forEach(viewerId -> viewings.computeIfAbsent(
                        new ViewingKey(accountId, roomId, viewerId), k -> new Viewing(accountId, roomId, viewerId))));
            }
        }

        /** Each account's records that this group changed, before they are saved with {@code updateTime}. */
        Map<Long, List<Totals.Change>> changes(long updateTime) {
            Map<Long, List<Totals.Change>> changes = new HashMap<>();
            for (Viewing v : viewings.values()) {
                if (v.dirty) {
                    changes.computeIfAbsent(v.accountId, id -> new ArrayList<>())
                            .add(new Totals.Change(v.viewerId, v.updateTime, updateTime));
                }
            }
            return changes;
        }

        private Session session(long accountId, IngestEvent e) {
            return sessions.computeIfAbsent(new SessionKey(accountId, e.roomId(), e.wechatUserSpaceId(), e.sessionId()),
                    k -> new Session(accountId, e.roomId(), e.wechatUserSpaceId(), e.sessionId(), 0, null, false));
        }

        private Viewing viewing(long accountId, long roomId, long viewerId) {
            return viewings.get(new ViewingKey(accountId, roomId, viewerId)); // loaded for every viewer event
        }
    }
}
