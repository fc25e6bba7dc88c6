package io.watchtime.server.viewing;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.Sort;
import io.watchtime.server.support.MutableClock;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.HttpTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Paging while records change skips nothing a keyset walk would not skip, whether the client walks by page
 * number (the server continues from where the previous page ended) or with the cursor extension.
 *
 * <p>Between two pages the test changes a record the walk has already passed, which moves it to the newest
 * {@code update_time}, and adds a new record. By OFFSET, in ascending order, each such move pulls every later
 * row one place forward, so the next page would skip one; in descending order the new rows push the walk back
 * and it would see rows twice. Runs on the test clock (shared with RateLimitTest) so that every change
 * lands in a later second.
 */
@Import(MutableClock.AsBean.class)
class WalkWhileChangingTest extends HttpTest {

    private static final int ROOMS = 10;
    private static final int VIEWERS = 20;
    private static final int PAGE_SIZE = 7;
    /** Changes stop after these pages, so that an ascending walk catches up with them and ends. */
    private static final int CHANGING_PAGES = 20;

    @Autowired
    private MutableClock clock;

    private TestAccount account;
    private long at;
    private int added;

    @BeforeEach
    void twoHundredRecordsInOneSecond() {
        clock.advance(Duration.ofMinutes(1));
        account = newAccount();
        at = clock.instant().getEpochSecond() - 60;
        List<IngestEvent> events = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            for (int v = 0; v < VIEWERS; v++) {
                events.add(Events.enter(room(r), viewer(v), session(room(r), viewer(v)), at, null));
            }
        }
        ingest(account.ingestKey(), Events.body(events));
        clock.advance(Duration.ofSeconds(5));
    }

    private interface Walk {
        /** The next page's data, or null once the walk is over. */
        JsonNode next();
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void byPageNumber(Sort sort) {
        long[] page = {0};
        checkWhileChanging(sort, () -> {
            JsonNode data = page(sort, ++page[0], null);
            return data.get("list").isEmpty() ? null : data;
        });
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void byCursor(Sort sort) {
        String[] cursor = {""};
        checkWhileChanging(sort, () -> {
            if (cursor[0] == null) {
                return null;
            }
            JsonNode data = page(sort, 1, cursor[0]);
            assertThat(data.has("next_cursor")).as("next_cursor in %s", data).isTrue();
            cursor[0] = data.get("next_cursor").isNull() ? null : data.get("next_cursor").asString();
            return data;
        });
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void aQuietCursorWalkSeesEachRecordOnceAndEnds(Sort sort) {
        Map<String, Integer> seen = new HashMap<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            JsonNode data = page(sort, 1, cursor);
            assertThat(data.get("total").asLong()).isEqualTo(ROOMS * VIEWERS);
            data.get("list").forEach(row -> seen.merge(key(row), 1, Integer::sum));
            cursor = data.get("next_cursor").isNull() ? null : data.get("next_cursor").asString();
            pages++;
        }
        assertThat(seen).hasSize(ROOMS * VIEWERS);
        assertThat(seen.values()).containsOnly(1);
        assertThat(pages).isEqualTo(ROOMS * VIEWERS / PAGE_SIZE + 1);
    }

    /**
     * After each of the first pages: the page's first record changes (it moves to the newest second) and a new record
     * appears. Every original record must be seen; one never changed is seen exactly once; in descending order,
     * where changes move records behind the walk, every original is seen exactly once.
     */
    private void checkWhileChanging(Sort sort, Walk walk) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> changed = new ArrayList<>();
        int pages = 0;
        for (JsonNode data = walk.next(); data != null; data = walk.next()) {
            data.get("list").forEach(row -> seen.merge(key(row), 1, Integer::sum));
            if (++pages <= CHANGING_PAGES) {
                JsonNode first = data.get("list").get(0);
                changed.add(key(first));
                changeAndAdd(first.get("room_id").asLong(), first.get("wechat_user_space_id").asLong());
            }
        }
        for (int r = 0; r < ROOMS; r++) {
            for (int v = 0; v < VIEWERS; v++) {
                String key = room(r) + "/" + viewer(v);
                assertThat(seen).as("%s walk saw %s", sort, key).containsKey(key);
                if (sort == Sort.DESC || !changed.contains(key)) {
                    assertThat(seen.get(key)).as("%s walk saw %s", sort, key).isEqualTo(1);
                }
            }
        }
    }

    private void changeAndAdd(long room, long viewer) {
        added++;
        ingest(account.ingestKey(), Events.body(List.of(
                Events.beat(room, viewer, session(room, viewer), at + added),
                Events.enter(room(ROOMS + added), viewer(0), "new" + added, at + added, null))));
        clock.advance(Duration.ofSeconds(1));
    }

    private JsonNode page(Sort sort, long page, String cursor) {
        Reply reply = list(account.readKey(), "{\"page\":" + page + ",\"page_size\":" + PAGE_SIZE + ",\"sort\":\""
                + sort.wire() + "\"" + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().get("data");
    }

    private static String key(JsonNode row) {
        return row.get("room_id").asLong() + "/" + row.get("wechat_user_space_id").asLong();
    }

    private static String session(long room, long viewer) {
        return "s" + room + "-" + viewer;
    }

    private static long room(int index) {
        return 80_000 + index;
    }

    private static long viewer(int index) {
        return 9_000_000_000L + index;
    }
}
