package io.watchtime.server.ingest.core;

import io.watchtime.server.support.Events;
import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.storage.ViewingRow;
import java.lang.reflect.Field;
import java.util.List;

/**
 * The crediting core as the writer drives it (load, apply, stamp, save), on a {@link MemoryStateStore}: no
 * threads, no SQL, thousands of batches a second.
 */
public final class CoreHarness {

    public static final long NOW = 1_760_000_000L;
    /** The writer's clock in these tests: a day after the events, like a replay of yesterday. */
    public static final long UPDATE_TIME = NOW + 86_400;

    private final MemoryStateStore store = new MemoryStateStore();
    private final Crediting crediting;

    public CoreHarness() {
        this(new Crediting(60, 300, 3600));
    }

    public CoreHarness(Crediting crediting) {
        this.crediting = crediting;
    }

    /** One batch as one group of its own. */
    public IngestAck ingest(long accountId, List<IngestEvent> events) {
        List<Enriched> batch = Events.enriched(events);
        GroupState state = GroupState.load(store, accountId, crediting, List.of(batch));
        IngestAck ack = state.apply(batch);
        state.stamp(UPDATE_TIME);
        state.save(store);
        return ack;
    }

    /** Several batches as one group, as the writer groups batches that arrive together. */
    public void ingestGroup(long accountId, List<List<IngestEvent>> batches) {
        List<List<Enriched>> group = batches.stream().map(Events::enriched).toList();
        GroupState state = GroupState.load(store, accountId, crediting, group);
        group.forEach(state::apply);
        state.stamp(UPDATE_TIME);
        state.save(store);
    }

    public ViewingRow viewing(long accountId, long roomId, long viewerId) {
        return store.viewing(accountId, roomId, viewerId);
    }

    public Room room(long accountId, long roomId) {
        return store.room(accountId, roomId);
    }

    /** Every round row of an account, in key order. */
    public List<Audience.RoundViewing> roundViewings(long accountId) {
        return store.roundViewings(accountId);
    }

    /** An account's round rows and minutes as text, to compare whole states (see {@link #dumpRound}). */
    public String dumpAudience(long accountId) {
        StringBuilder out = new StringBuilder();
        store.roundViewings(accountId).forEach(r -> out.append(dumpRound(r.roomId(), r.roundId(), r.viewerId(),
                r.stay(), r.live(), r.playback(), r.firstVisit(), r.lastVisit(), r.updateTime())).append('\n'));
        store.minutes(accountId).forEach(minute -> out.append("minute ").append(minute).append('\n'));
        return out.toString();
    }

    /** A round row as {@link #dumpAudience} writes it; a minute is {@code minute ROOM MINUTE ONLINE}. */
    public static String dumpRound(long... columns) {
        StringBuilder out = new StringBuilder("round");
        for (long column : columns) {
            out.append(' ').append(column);
        }
        return out.toString();
    }

    /** Every record of an account as text without the account id, to compare whole states. */
    public String dump(long accountId) {
        StringBuilder out = new StringBuilder();
        store.viewings(accountId).forEach(row -> out.append(dump(row)).append('\n'));
        return out.toString();
    }

    /** A row's fields but the account, in declaration order (the same for a row read from a database). */
    public static String dump(ViewingRow row) {
        StringBuilder out = new StringBuilder();
        try {
            for (Field field : ViewingRow.class.getFields()) {
                if (!field.getName().equals("accountId")) {
                    out.append(field.getName()).append('=').append(field.get(row)).append('|');
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }
}
