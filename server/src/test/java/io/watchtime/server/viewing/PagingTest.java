package io.watchtime.server.viewing;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.Sort;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.HttpTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Walking every page returns every matching record exactly once, in the API's order, with ties on
 * {@code update_time} broken by room and viewer. 40 rooms x 60 viewers are written in three phases, each in
 * its own second, so that 600 to 1170 records share each {@code update_time}.
 *
 * <p>The same data goes into two accounts: the ascending walks read one and the descending walks the other,
 * which keeps each account well under the rate limit of 1000 requests in 10 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingTest extends HttpTest {

    private static final int ROOMS = 40;
    private static final int VIEWERS = 60;

    /** A record as the walk sees it. */
    private record Row(long updateTime, long room, long viewer, long stay) {
        static final Comparator<Row> ORDER = Comparator.comparingLong(Row::updateTime).thenComparingLong(Row::room)
                .thenComparingLong(Row::viewer);

        String key() {
            return room + "/" + viewer;
        }
    }

    /** The seconds (inclusive) in which one phase's ingest calls ran, so its commits got an update_time in them. */
    private record Phase(long first, long last) {
    }

    private TestAccount ascending;
    private TestAccount descending;
    private final Phase[] phases = new Phase[4];

    @BeforeAll
    void writeThreePhases() throws InterruptedException {
        ascending = newAccount();
        descending = newAccount();
        long at = Instant.now().getEpochSecond() - 1800;

        // Phase 1: everyone enters, 10 rooms a call.
        phases[1] = phase(accountKeys(), () -> {
            List<List<IngestEvent>> calls = new ArrayList<>();
            for (int first = 0; first < ROOMS; first += 10) {
                List<IngestEvent> events = new ArrayList<>();
                for (int r = first; r < first + 10; r++) {
                    for (int v = 0; v < VIEWERS; v++) {
                        events.add(Events.enter(room(r), viewer(v), session(r, v), at, null));
                    }
                }
                calls.add(events);
            }
            return calls;
        });
        // Phase 2: every third room's viewers send a heartbeat 30 s later.
        phases[2] = phase(accountKeys(), () -> List.of(heartbeats(at + 30, (r, v) -> r % 3 == 0)));
        // Phase 3: every fourth viewer sends a heartbeat 45 s after entering, in every room.
        phases[3] = phase(accountKeys(), () -> List.of(heartbeats(at + 45, (r, v) -> v % 4 == 0)));
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void everyRecordExactlyOnceInOrder(Sort sort) {
        String key = (sort == Sort.ASC ? ascending : descending).readKey();
        Phase p1 = phases[1];
        Phase p2 = phases[2];
        long someViewer = viewer(1); // phase 1 in most rooms, phase 2 in every third
        for (int pageSize : new int[] {7, 500}) {
            check(walk(key, sort, pageSize, ""), sort, row -> true);
            String phase2 = ",\"update_time_start\":" + p2.first() + ",\"update_time_end\":" + p2.last();
            check(walk(key, sort, pageSize, phase2), sort, row -> phaseOf(row) == 2);
            check(walk(key, sort, pageSize, ",\"update_time_start\":\"" + p2.first() + "\",\"update_time_end\":0"),
                    sort, row -> phaseOf(row) >= 2);
            check(walk(key, sort, pageSize, ",\"wechat_user_space_id\":" + someViewer),
                    sort, row -> row.viewer() == someViewer);
            check(walk(key, sort, pageSize, ",\"wechat_user_space_id\":" + someViewer + ",\"update_time_start\":"
                    + p2.first()), sort, row -> row.viewer() == someViewer && phaseOf(row) >= 2);
        }
        check(walk(key, sort, 500, ",\"update_time_end\":" + p1.last()), sort, row -> phaseOf(row) == 1);
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void aPageBeyondTheEndIsEmptyWithTheRightTotal(Sort sort) {
        String key = (sort == Sort.ASC ? ascending : descending).readKey();
        for (long page : new long[] {ROOMS * VIEWERS / 7 + 2, 1000, 2_000_000}) {
            JsonNode data = page(key, sort, page, 7, "");
            assertThat(data.get("total").asLong()).isEqualTo(ROOMS * VIEWERS);
            assertThat(data.get("list").isArray()).isTrue();
            assertThat(data.get("list").isEmpty()).isTrue();
        }
        JsonNode last = page(key, sort, ROOMS * VIEWERS / 7 + 1, 7, "");
        assertThat(last.get("list").size()).isEqualTo(ROOMS * VIEWERS % 7);
        JsonNode none = page(key, sort, 2, 500, ",\"wechat_user_space_id\":" + viewer(1) + ",\"update_time_start\":"
                + phases[2].first());
        assertThat(none.get("total").asLong()).isEqualTo(ROOMS / 3 + 1);
        assertThat(none.get("list").isEmpty()).isTrue();
    }

    /** Every page until an empty one; each says the same total, and all but the last are full. */
    private List<Row> walk(String key, Sort sort, int pageSize, String filter) {
        List<Row> rows = new ArrayList<>();
        long total = -1;
        for (long page = 1; ; page++) {
            JsonNode data = page(key, sort, page, pageSize, filter);
            if (total < 0) {
                total = data.get("total").asLong();
            }
            String where = sort + " page " + page + " of " + pageSize + filter;
            assertThat(data.get("total").asLong()).as(where).isEqualTo(total);
            JsonNode list = data.get("list");
            assertThat(list.size()).as(where).isEqualTo((int) Math.min(pageSize, Math.max(0, total - rows.size())));
            if (list.isEmpty()) {
                break;
            }
            for (JsonNode r : list) {
                rows.add(new Row(r.get("update_time").asLong(), r.get("room_id").asLong(),
                        r.get("wechat_user_space_id").asLong(), r.get("stay_duration").asLong()));
            }
        }
        assertThat(rows).as("walked vs total").hasSize((int) total);
        return rows;
    }

    private JsonNode page(String key, Sort sort, long page, int pageSize, String filter) {
        Reply reply = list(key, "{\"page\":" + page + ",\"page_size\":" + pageSize + ",\"sort\":\"" + sort.wire() + "\""
                + filter + "}");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().get("data");
    }

    /** The walk holds exactly the records the filter selects, each once, strictly in the requested order. */
    private void check(List<Row> walked, Sort sort, Predicate<Row> selected) {
        Set<String> expected = new HashSet<>();
        for (int r = 0; r < ROOMS; r++) {
            for (int v = 0; v < VIEWERS; v++) {
                if (selected.test(new Row(0, room(r), viewer(v), 0))) {
                    expected.add(room(r) + "/" + viewer(v));
                }
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(walked.stream().map(Row::key).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        Comparator<Row> order = sort == Sort.ASC ? Row.ORDER : Row.ORDER.reversed();
        for (int i = 1; i < walked.size(); i++) {
            assertThat(order.compare(walked.get(i - 1), walked.get(i))).as("rows %d and %d: %s, %s", i - 1, i,
                    walked.get(i - 1), walked.get(i)).isNegative();
        }
        for (Row row : walked) {
            Phase phase = phases[phaseOf(row)];
            assertThat(row.updateTime()).as("update_time of %s", row).isBetween(phase.first(), phase.last());
            assertThat(row.stay()).as("stay of %s", row).isEqualTo(switch (phaseOf(row)) {
                case 3 -> 45L;
                case 2 -> 30L;
                default -> 0L;
            });
        }
        // Ties on update_time are the point: far fewer distinct times than rows.
        Map<Long, Integer> perTime = new LinkedHashMap<>();
        walked.forEach(row -> perTime.merge(row.updateTime(), 1, Integer::sum));
        assertThat(perTime.values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .isGreaterThanOrEqualTo(Math.min(walked.size(), 10));
    }

    /** The last phase that changed a record: its update_time and stay come from it. */
    private static int phaseOf(Row row) {
        int r = roomIndex(row.room());
        int v = viewerIndex(row.viewer());
        return v % 4 == 0 ? 3 : r % 3 == 0 ? 2 : 1;
    }

    private List<String> accountKeys() {
        return List.of(ascending.ingestKey(), descending.ingestKey());
    }

    private interface Calls {
        List<List<IngestEvent>> make();
    }

    /** Sends the calls to both accounts within seconds of their own: none shared with another phase. */
    private Phase phase(List<String> keys, Calls calls) throws InterruptedException {
        long first = Instant.now().getEpochSecond();
        for (List<IngestEvent> events : calls.make()) {
            for (String key : keys) {
                JsonNode outcome = ingest(key, Events.body(events));
                assertThat(outcome.get("applied").asInt()).isEqualTo(events.size());
            }
        }
        long last = Instant.now().getEpochSecond();
        while (Instant.now().getEpochSecond() <= last) {
            Thread.sleep(1000 - Instant.now().toEpochMilli() % 1000 + 5);
        }
        return new Phase(first, last);
    }

    private interface RoomViewer {
        boolean test(int room, int viewer);
    }

    private static List<IngestEvent> heartbeats(long at, RoomViewer which) {
        List<IngestEvent> events = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            for (int v = 0; v < VIEWERS; v++) {
                if (which.test(r, v)) {
                    events.add(Events.beat(room(r), viewer(v), session(r, v), at));
                }
            }
        }
        return events;
    }

    /** Room ids out of step with the order rooms are written in. */
    private static long room(int index) {
        return 70_000 + (index * 17L % ROOMS) * 3;
    }

    private static int roomIndex(long room) {
        for (int r = 0; r < ROOMS; r++) {
            if (room(r) == room) {
                return r;
            }
        }
        throw new AssertionError("no such room " + room);
    }

    /** Viewer ids beyond 32 bits, also out of step with the write order. */
    private static long viewer(int index) {
        return 5_000_000_000L + (index * 37L % VIEWERS) * 1_009;
    }

    private static int viewerIndex(long viewer) {
        for (int v = 0; v < VIEWERS; v++) {
            if (viewer(v) == viewer) {
                return v;
            }
        }
        throw new AssertionError("no such viewer " + viewer);
    }

    private static String session(int r, int v) {
        return "s-" + r + "-" + v;
    }
}
