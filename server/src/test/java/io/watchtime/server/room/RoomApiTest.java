package io.watchtime.server.room;

import static io.watchtime.server.support.Replies.assertSuccess;
import static io.watchtime.server.support.Replies.fieldNames;
import static io.watchtime.server.support.WireEvents.batch;
import static io.watchtime.server.support.WireEvents.beat;
import static io.watchtime.server.support.WireEvents.beats;
import static io.watchtime.server.support.WireEvents.enter;
import static io.watchtime.server.support.WireEvents.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.Paths;
import io.watchtime.server.support.HttpTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The room endpoints against data that went in through the real ingest endpoint: every number must agree with
 * the seed API's own records of the same account (which ContractTest holds to the events), field names and order
 * must be the contract's, and nothing of another room or account may show. Round records and the per-minute
 * audience are the ones ingest wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoomApiTest extends HttpTest {

    static final long ROOM = 5001;
    static final long ENDED_ROOM = 5002;
    static final long PREVIEW_ROOM = 5003;
    static final long UNKNOWN_ROOM = 9999;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.42(0x18002a2f) NetType/WIFI Language/zh_CN";
    static final String ANDROID = "Mozilla/5.0 (Linux; Android 13; V2229A Build/TP1A.220624.014; wv)"
            + " AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065"
            + " MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI";
    static final String WINDOWS = "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B)"
            + " WindowsWechat(0x63090a13) XWEB/8555 Flue";

    private TestAccount account;
    private TestAccount other;
    /** Three hours ago, on a minute: every event is in the past, and today or yesterday in the time zone. */
    private long t0;
    /** The seed API's records of the account, by room, then viewer. */
    private final Map<Long, Map<Long, JsonNode>> seed = new HashMap<>();

    @BeforeAll
    void ingestThreeRoomsAndAnotherAccount() {
        account = newAccount();
        other = newAccount();
        t0 = (Instant.now().getEpochSecond() - 3 * 3600) / 60 * 60;
        List<ObjectNode> events = new ArrayList<>();
        events.add(room("room_start", ROOM, t0));
        events.add(enter(ROOM, 11, "a", t0 + 10).put("ip", "123.52.16.175").put("user_agent", IPHONE)
                .put("wechat_user_name", "甲").put("wechat_user_photo", "https://x/11.jpg").put("third_uuid", "crm-11")
                .put("invited_wechat_user_space_id", 99).put("invited_name", "邀请人")
                .set("third_wechat_info", object().put("authorizer_appid", "wx1").put("openid", "o11").put("unionid", "u11"))
                .set("channel_info", object().put("channel_id", 1).put("channel_name", "一店").put("store_id", "S1")));
        events.addAll(beats(ROOM, 11, "a", t0 + 40, t0 + 610));
        events.add(enter(ROOM, 12, "b", t0 + 20).put("ip", "220.184.19.51").put("user_agent", ANDROID)
                .put("wechat_user_name", "乙")
                .set("channel_info", object().put("channel_id", 2).put("channel_name", "二店").put("store_id", "S2")));
        events.addAll(beats(ROOM, 12, "b", t0 + 50, t0 + 140));
        events.add(enter(ROOM, 13, "c", t0 + 30).put("user_agent", WINDOWS).put("wechat_user_name", "丙"));
        events.add(beat(ROOM, 13, "c", t0 + 60));
        events.add(enter(ROOM, 14, "d", t0 + 30).put("ip", "123.52.16.175").put("user_agent", "curl/8.5.0")
                .put("invited_wechat_user_space_id", 99).put("invited_name", "邀请人")
                .set("channel_info", object().put("channel_id", 3).put("channel_name", "一店分号").put("store_id", "S1")));
        events.addAll(beats(ROOM, 14, "d", t0 + 60, t0 + 3900));
        events.add(room("room_end", ROOM, t0 + 5000));
        events.add(room("room_start", ROOM, t0 + 6000));
        events.add(enter(ROOM, 11, "a2", t0 + 6000));
        events.addAll(beats(ROOM, 11, "a2", t0 + 6030, t0 + 6120));
        ingest(account.ingestKey(), batch(events));

        ingest(account.ingestKey(), batch(List.of(room("room_start", ENDED_ROOM, t0), enter(ENDED_ROOM, 11, "e", t0 + 5),
                beat(ENDED_ROOM, 11, "e", t0 + 35), room("room_end", ENDED_ROOM, t0 + 100))));
        ingest(account.ingestKey(), batch(List.of(enter(PREVIEW_ROOM, 15, "p", t0), beat(PREVIEW_ROOM, 15, "p", t0 + 20))));
        // Another account's room of the same id must never show.
        ingest(other.ingestKey(), batch(List.of(room("room_start", ROOM, t0), enter(ROOM, 11, "x", t0 + 1)
                .put("user_agent", IPHONE), beat(ROOM, 11, "x", t0 + 31))));

        JsonNode all = assertSuccess(list(account.readKey(), "{\"page\":1,\"page_size\":500,\"sort\":\"asc\"}"));
        all.get("list").forEach(r -> seed.computeIfAbsent(r.get("room_id").asLong(), k -> new LinkedHashMap<>())
                .put(r.get("wechat_user_space_id").asLong(), r));
        assertThat(seed.get(ROOM)).hasSize(4);
    }

    // ---- getRoomUserDurationList ----

    @Test
    void roundZeroIsTheSeedsRecordsOfTheRoomInNuoyunsShape() {
        JsonNode data = call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM
                + ",\"room_rounds_id\":0,\"page\":1,\"page_size\":10,\"sort\":\"asc\"}");
        assertThat(fieldNames(data)).containsExactly("total", "list");
        assertThat(data.get("total").asLong()).isEqualTo(4);
        List<Long> expectedOrder = seed.get(ROOM).values().stream()
                .sorted(Comparator.<JsonNode>comparingLong(r -> r.get("update_time").asLong())
                        .thenComparingLong(r -> r.get("wechat_user_space_id").asLong()))
                .map(r -> r.get("wechat_user_space_id").asLong()).toList();
        assertThat(viewers(data)).isEqualTo(expectedOrder);
        for (JsonNode item : data.get("list")) {
            assertThat(fieldNames(item)).containsExactly("wechat_user_space_id", "wechat_user_name", "wechat_user_photo",
                    "first_time", "last_time", "stay_duration", "ip", "third_uuid", "third_wechat_info", "live_duration",
                    "playback_duration", "channel_info", "update_time");
            JsonNode r = seed.get(ROOM).get(item.get("wechat_user_space_id").asLong());
            for (String same : List.of("wechat_user_name", "wechat_user_photo", "stay_duration", "ip", "third_uuid",
                    "third_wechat_info", "live_duration", "playback_duration", "channel_info", "update_time")) {
                assertThat(item.get(same)).as(same).isEqualTo(r.get(same));
            }
            assertThat(item.get("first_time")).isEqualTo(r.get("first_visit_time"));
            assertThat(item.get("last_time")).isEqualTo(r.get("last_visit_time"));
        }
        JsonNode desc = call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM
                + ",\"room_rounds_id\":\"0\",\"page\":2,\"page_size\":3,\"sort\":\"DESC\"}");
        assertThat(desc.get("total").asLong()).isEqualTo(4);
        assertThat(viewers(desc)).containsExactly(expectedOrder.get(0));
        JsonNode one = call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM
                + ",\"room_rounds_id\":0,\"page\":1,\"page_size\":10,\"sort\":\"asc\",\"wechat_user_space_id\":12}");
        assertThat(viewers(one)).containsExactly(12L);
        long updated = seed.get(ROOM).get(12L).get("update_time").asLong();
        JsonNode later = call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM + ",\"room_rounds_id\":0,\"page\":1,"
                + "\"page_size\":10,\"sort\":\"asc\",\"update_time_start\":" + (updated + 1) + "}");
        assertThat(later.get("total").asLong()).isEqualTo(
                seed.get(ROOM).values().stream().filter(r -> r.get("update_time").asLong() > updated).count());
    }

    @Test
    void firstPagesFromTheKeptAggregateAreThePagesOfTheTable() {
        call(Paths.ROOM_SUMMARY, "{\"room_id\":" + ROOM + "}"); // keeps the room's aggregate
        for (String sort : List.of("asc", "desc")) {
            for (String page : List.of("\"page\":1,\"page_size\":1", "\"page\":2,\"page_size\":3",
                    "\"page\":1,\"page_size\":500", "\"page\":3,\"page_size\":2", "\"page\":1000,\"page_size\":500")) {
                String body = "{\"room_id\":" + ROOM + ",\"room_rounds_id\":0," + page + ",\"sort\":\"" + sort + "\"";
                // update_time_start 1 filters nothing but sends the request to the table
                assertThat(call(Paths.ROOM_DURATION_LIST, body + "}")).as(body)
                        .isEqualTo(call(Paths.ROOM_DURATION_LIST, body + ",\"update_time_start\":1}"));
            }
        }
    }

    @Test
    void aRoundHasItsOwnDurationsAndTimesWithTheRoomsProfile() {
        JsonNode data = call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM
                + ",\"room_rounds_id\":1,\"page\":1,\"page_size\":10,\"sort\":\"desc\"}");
        assertThat(data.get("total").asLong()).isEqualTo(4);
        assertThat(viewers(data)).as("one commit: one update_time, ties by viewer").containsExactly(14L, 13L, 12L, 11L);
        JsonNode first = data.get("list").get(3);
        JsonNode profile = seed.get(ROOM).get(11L);
        assertThat(first.get("stay_duration").asLong()).isEqualTo(600);
        assertThat(first.get("live_duration").asLong()).isEqualTo(600);
        assertThat(first.get("first_time").stringValue()).isEqualTo(shanghai(t0 + 10));
        assertThat(first.get("last_time").stringValue()).isBetween(shanghai(t0 + 600), shanghai(t0 + 610));
        for (String fromRoom : List.of("wechat_user_name", "wechat_user_photo", "ip", "third_uuid",
                "third_wechat_info", "channel_info")) {
            assertThat(first.get(fromRoom)).as(fromRoom).isEqualTo(profile.get(fromRoom));
        }
        JsonNode second = call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM
                + ",\"room_rounds_id\":2,\"page\":1,\"page_size\":10,\"sort\":\"asc\"}");
        assertThat(viewers(second)).containsExactly(11L);
        assertThat(second.at("/list/0/stay_duration").asLong()).isEqualTo(120);
        assertThat(second.at("/list/0/first_time").stringValue()).isEqualTo(shanghai(t0 + 6000));
        // The rounds add up to the room's record, viewer by viewer.
        Map<Long, Long> stays = new HashMap<>();
        for (JsonNode round : List.of(data, second)) {
            round.get("list").forEach(r -> stays.merge(r.get("wechat_user_space_id").asLong(),
                    r.get("stay_duration").asLong(), Long::sum));
        }
        seed.get(ROOM).forEach((viewer, r) -> assertThat(stays.get(viewer)).as("viewer " + viewer)
                .isEqualTo(r.get("stay_duration").asLong()));

        long updated = first.get("update_time").asLong();
        JsonNode paged = call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM
                + ",\"room_rounds_id\":1,\"page\":2,\"page_size\":1,\"sort\":\"asc\"}");
        assertThat(viewers(paged)).containsExactly(12L);
        JsonNode filtered = call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM + ",\"room_rounds_id\":1,\"page\":1,"
                + "\"page_size\":10,\"sort\":\"asc\",\"wechat_user_space_id\":12,\"update_time_start\":" + updated
                + ",\"update_time_end\":" + updated + "}");
        assertThat(viewers(filtered)).containsExactly(12L);
        JsonNode later = call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM + ",\"room_rounds_id\":1,\"page\":1,"
                + "\"page_size\":10,\"sort\":\"asc\",\"update_time_start\":" + (updated + 1) + "}");
        assertThat(later.get("total").asLong()).isZero();
    }

    // ---- deviceStatList, getRoomSummary, getRoomRanking, getOnlineSeries ----

    @Test
    void devicesCountTheRoomsViewersByTheirLatestDevice() {
        JsonNode data = call(Paths.DEVICE_STATS, "{\"room_id\":" + ROOM + "}");
        assertThat(data.toString()).isEqualTo("{\"pc\":1,\"android\":1,\"ios\":1,\"other\":1}");
        assertThat(call(Paths.DEVICE_STATS, "{\"room_id\":" + PREVIEW_ROOM + "}").toString())
                .isEqualTo("{\"pc\":0,\"android\":0,\"ios\":0,\"other\":1}");
    }

    @Test
    void theSummaryAddsUpTheSeedsRecordsRoundsAndMinutes() {
        JsonNode data = call(Paths.ROOM_SUMMARY, "{\"room_id\":" + ROOM + "}");
        assertThat(fieldNames(data)).containsExactly("room_id", "status", "viewers", "stay_duration", "avg_stay_duration",
                "live_duration", "playback_duration", "peak_online", "peak_time", "rounds", "stay_distribution");
        List<JsonNode> records = new ArrayList<>(seed.get(ROOM).values());
        long stay = sum(records, "stay_duration");
        assertThat(data.get("room_id").asLong()).isEqualTo(ROOM);
        assertThat(data.get("status").stringValue()).isEqualTo("live");
        assertThat(data.get("viewers").asLong()).isEqualTo(4);
        assertThat(data.get("stay_duration").asLong()).isEqualTo(stay);
        assertThat(data.get("avg_stay_duration").asLong()).isEqualTo(Math.round(stay / 4.0));
        assertThat(data.get("live_duration").asLong()).isEqualTo(sum(records, "live_duration"));
        assertThat(data.get("playback_duration").asLong()).isEqualTo(sum(records, "playback_duration"));
        assertThat(data.get("peak_online").asLong()).as("all four came in the first minute").isEqualTo(4);
        assertThat(data.get("peak_time").stringValue()).isEqualTo(shanghai(t0));
        assertThat(data.get("rounds").toString()).isEqualTo("[{\"room_rounds_id\":1,\"start_time\":\"" + shanghai(t0)
                + "\",\"end_time\":\"" + shanghai(t0 + 5000) + "\",\"viewers\":4},{\"room_rounds_id\":2,\"start_time\":\""
                + shanghai(t0 + 6000) + "\",\"end_time\":null,\"viewers\":1}]");
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String label : List.of("<1m", "1-5m", "5-15m", "15-30m", "30-60m", ">=60m")) {
            expected.put(label, 0L);
        }
        for (JsonNode r : records) {
            long s = r.get("stay_duration").asLong();
            String label = s < 60 ? "<1m" : s < 300 ? "1-5m" : s < 900 ? "5-15m" : s < 1800 ? "15-30m"
                    : s < 3600 ? "30-60m" : ">=60m";
            expected.merge(label, 1L, Long::sum);
        }
        Map<String, Long> actual = new LinkedHashMap<>();
        data.get("stay_distribution").forEach(b -> actual.put(b.get("label").stringValue(), b.get("viewers").asLong()));
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(actual.get(">=60m")).as("viewer 14 stayed over an hour").isEqualTo(1);
    }

    @Test
    void rankingsGroupByProvinceStoreAndInviter() {
        JsonNode provinces = call(Paths.ROOM_RANKING, "{\"room_id\":" + ROOM + ",\"by\":\"province\"}");
        assertThat(fieldNames(provinces.at("/list/0"))).containsExactly("key", "name", "viewers", "stay_duration");
        // ties of viewers go by stay: 浙江's viewer stayed 120 s, the one without an area 30 s
        assertThat(ranking(provinces)).containsExactly("河南/河南/2", "浙江/浙江/1", "//1");
        assertThat(provinces.at("/list/0/stay_duration").asLong()).isEqualTo(
                seed.get(ROOM).get(11L).get("stay_duration").asLong() + seed.get(ROOM).get(14L).get("stay_duration").asLong());
        // Store S1 was seen under two names: the one of most viewers wins, a tie by the first seen.
        JsonNode stores = call(Paths.ROOM_RANKING, "{\"room_id\":" + ROOM + ",\"by\":\" Store \",\"limit\":\"2\"}");
        assertThat(stores.get("list")).hasSize(2);
        assertThat(stores.at("/list/0/key").stringValue()).isEqualTo("S1");
        assertThat(stores.at("/list/0/viewers").asLong()).isEqualTo(2);
        JsonNode inviters = call(Paths.ROOM_RANKING, "{\"room_id\":" + ROOM + ",\"by\":\"inviter\",\"limit\":100}");
        assertThat(ranking(inviters)).containsExactly("99/邀请人/2", "//2");
    }

    @Test
    void theOnlineSeriesFillsQuietMinutesWithZero() {
        JsonNode data = call(Paths.ONLINE_SERIES, "{\"room_id\":" + ROOM + "}");
        Map<Long, Long> online = new LinkedHashMap<>();
        data.get("list").forEach(m -> online.put(m.get("time").asLong() - t0, m.get("online").asLong()));
        // 11 and 12 watch from the first minute to +610 and +140, 13 for 30 s, 14 to +3900; 11 again at +6000..+6120
        assertThat(new ArrayList<>(online.keySet())).as("every minute from the first to the last")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(0, 101).map(m -> m * 60).boxed().toList());
        assertThat(online).containsEntry(0L, 4L).containsEntry(60L, 3L).containsEntry(120L, 3L).containsEntry(180L, 2L)
                .containsEntry(600L, 2L).containsEntry(660L, 1L).containsEntry(3840L, 1L).containsEntry(3900L, 0L)
                .containsEntry(5940L, 0L).containsEntry(6000L, 1L).containsEntry(6060L, 1L);
        assertThat(fieldNames(data.at("/list/0"))).containsExactly("time", "minute", "online");
        assertThat(data.at("/list/0/minute").stringValue()).isEqualTo(shanghai(t0).substring(0, 16));
        JsonNode window = call(Paths.ONLINE_SERIES, "{\"room_id\":" + ROOM + ",\"start\":" + (t0 + 61) + ",\"end\":"
                + (t0 + 200) + "}");
        List<String> inWindow = new ArrayList<>();
        window.get("list").forEach(m -> inWindow.add((m.get("time").asLong() - t0) + "=" + m.get("online").asLong()));
        assertThat(inWindow).as("the minute that holds start counts").containsExactly("60=3", "120=3", "180=2");
        assertThat(call(Paths.ONLINE_SERIES, "{\"room_id\":" + ROOM + ",\"start\":" + (t0 + 60) + "}").get("list"))
                .hasSize(101);
        assertThat(call(Paths.ONLINE_SERIES, "{\"room_id\":" + ROOM + ",\"end\":" + (t0 + 60) + "}").get("list"))
                .hasSize(2);
    }

    @Test
    void keptRoomFiguresFollowNewRecordsAtOnce() {
        TestAccount fresh = newAccount();
        String room = "{\"room_id\":" + ROOM + "}";
        ingest(fresh.ingestKey(), batch(List.of(enter(ROOM, 1, "s", t0), beat(ROOM, 1, "s", t0 + 30))));
        assertThat(assertSuccess(post(Paths.ROOM_SUMMARY, fresh.readKey(), "application/json", room))
                .get("viewers").asLong()).isEqualTo(1);
        assertThat(assertSuccess(post(Paths.DEVICE_STATS, fresh.readKey(), "application/json", room)).toString())
                .isEqualTo("{\"pc\":0,\"android\":0,\"ios\":0,\"other\":1}");
        ingest(fresh.ingestKey(), batch(List.of(enter(ROOM, 2, "t", t0).put("user_agent", IPHONE),
                beat(ROOM, 2, "t", t0 + 90))));
        JsonNode summary = assertSuccess(post(Paths.ROOM_SUMMARY, fresh.readKey(), "application/json", room));
        assertThat(summary.get("viewers").asLong()).isEqualTo(2);
        assertThat(summary.get("stay_duration").asLong()).as("30 s, and 60 s (max_gap) of the 90").isEqualTo(90);
        assertThat(assertSuccess(post(Paths.DEVICE_STATS, fresh.readKey(), "application/json", room)).toString())
                .isEqualTo("{\"pc\":0,\"android\":0,\"ios\":1,\"other\":1}");
        assertThat(ranking(assertSuccess(post(Paths.ROOM_RANKING, fresh.readKey(), "application/json",
                "{\"room_id\":" + ROOM + ",\"by\":\"inviter\"}")))).containsExactly("//2");
    }

    // ---- getRoomList, getAccountTrend ----

    @Test
    void theRoomListHasEveryRoomWithItsStatusNewestActivityFirst() {
        JsonNode data = call(Paths.ROOM_LIST, "{\"page\":1,\"page_size\":10}");
        assertThat(data.get("total").asLong()).isEqualTo(3);
        List<Long> expectedOrder = seed.keySet().stream()
                .sorted(Comparator.<Long>comparingLong(room -> seed.get(room).values().stream()
                        .mapToLong(r -> r.get("update_time").asLong()).max().orElseThrow()).reversed()
                        .thenComparing(Comparator.<Long>reverseOrder()))
                .toList();
        List<Long> rooms = new ArrayList<>();
        data.get("list").forEach(r -> rooms.add(r.get("room_id").asLong()));
        assertThat(rooms).isEqualTo(expectedOrder);
        JsonNode live = item(data, ROOM);
        assertThat(fieldNames(live)).containsExactly("room_id", "status", "viewers", "stay_duration", "live_duration",
                "playback_duration", "rounds", "first_time", "last_time");
        assertThat(live.get("status").stringValue()).isEqualTo("live");
        assertThat(live.get("viewers").asLong()).isEqualTo(4);
        assertThat(live.get("rounds").asLong()).isEqualTo(2);
        assertThat(live.get("stay_duration").asLong()).isEqualTo(sum(new ArrayList<>(seed.get(ROOM).values()), "stay_duration"));
        assertThat(live.get("first_time").stringValue()).isEqualTo(shanghai(t0 + 10));
        assertThat(item(data, ENDED_ROOM).get("status").stringValue()).isEqualTo("ended");
        assertThat(item(data, PREVIEW_ROOM).get("status").stringValue()).isEqualTo("preview");
        assertThat(item(data, PREVIEW_ROOM).get("rounds").asLong()).isZero();

        JsonNode ended = call(Paths.ROOM_LIST, "{\"page\":1,\"page_size\":10,\"status\":\"ENDED\"}");
        assertThat(ended.get("total").asLong()).isEqualTo(1);
        assertThat(ended.at("/list/0/room_id").asLong()).isEqualTo(ENDED_ROOM);
        JsonNode second = call(Paths.ROOM_LIST, "{\"page\":2,\"page_size\":2}");
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("list")).hasSize(1);
    }

    @Test
    void theTrendHasEveryDayOfTheWindowByTheDayOfTheFirstVisit() {
        JsonNode data = call(Paths.ACCOUNT_TREND, "{\"days\":3}");
        LocalDate today = LocalDate.now(SHANGHAI);
        List<String> dates = new ArrayList<>();
        data.get("list").forEach(d -> dates.add(d.get("date").stringValue()));
        assertThat(dates).containsExactly(today.minusDays(2).toString(), today.minusDays(1).toString(), today.toString());
        assertThat(fieldNames(data.at("/list/0"))).containsExactly("date", "viewers", "stay_duration", "live_duration",
                "playback_duration");
        Map<String, long[]> expected = new HashMap<>();
        seed.values().forEach(room -> room.values().forEach(r -> {
            long[] sums = expected.computeIfAbsent(r.get("first_visit_time").stringValue().substring(0, 10),
                    d -> new long[2]);
            sums[0]++;
            sums[1] += r.get("stay_duration").asLong();
        }));
        for (JsonNode day : data.get("list")) {
            long[] sums = expected.getOrDefault(day.get("date").stringValue(), new long[2]);
            assertThat(day.get("viewers").asLong()).as(day.toString()).isEqualTo(sums[0]);
            assertThat(day.get("stay_duration").asLong()).as(day.toString()).isEqualTo(sums[1]);
        }
        assertThat(call(Paths.ACCOUNT_TREND, "{}").get("list")).hasSize(30);
    }

    // ---- no data ----

    @Test
    void anUnknownRoomOrRoundAnswersZerosNotErrors() {
        String room = "{\"room_id\":" + UNKNOWN_ROOM + "}";
        assertThat(call(Paths.DEVICE_STATS, room).toString()).isEqualTo("{\"pc\":0,\"android\":0,\"ios\":0,\"other\":0}");
        JsonNode summary = call(Paths.ROOM_SUMMARY, room);
        assertThat(summary.toString()).isEqualTo("{\"room_id\":9999,\"status\":\"preview\",\"viewers\":0,"
                + "\"stay_duration\":0,\"avg_stay_duration\":0,\"live_duration\":0,\"playback_duration\":0,"
                + "\"peak_online\":0,\"peak_time\":null,\"rounds\":[],\"stay_distribution\":[{\"label\":\"<1m\","
                + "\"viewers\":0},{\"label\":\"1-5m\",\"viewers\":0},{\"label\":\"5-15m\",\"viewers\":0},"
                + "{\"label\":\"15-30m\",\"viewers\":0},{\"label\":\"30-60m\",\"viewers\":0},{\"label\":\">=60m\","
                + "\"viewers\":0}]}");
        assertThat(call(Paths.ONLINE_SERIES, room).toString()).isEqualTo("{\"list\":[]}");
        assertThat(call(Paths.ROOM_RANKING, "{\"room_id\":" + UNKNOWN_ROOM + ",\"by\":\"store\"}").toString())
                .isEqualTo("{\"list\":[]}");
        for (String round : List.of("0", "1")) {
            assertThat(call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + UNKNOWN_ROOM + ",\"room_rounds_id\":" + round
                    + ",\"page\":1,\"page_size\":10,\"sort\":\"asc\"}").toString()).isEqualTo("{\"total\":0,\"list\":[]}");
        }
        assertThat(call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM
                + ",\"room_rounds_id\":77,\"page\":1,\"page_size\":10,\"sort\":\"asc\"}").get("total").asLong()).isZero();
        TestAccount empty = newAccount();
        JsonNode rooms = assertSuccess(post(Paths.ROOM_LIST, empty.readKey(), "application/json",
                "{\"page\":1,\"page_size\":10}"));
        assertThat(rooms.toString()).isEqualTo("{\"total\":0,\"list\":[]}");
    }

    @Test
    void anotherAccountsRoomOfTheSameIdIsItsOwn() {
        JsonNode theirs = assertSuccess(post(Paths.ROOM_SUMMARY, other.readKey(), "application/json",
                "{\"room_id\":" + ROOM + "}"));
        assertThat(theirs.get("viewers").asLong()).isEqualTo(1);
        assertThat(theirs.get("peak_online").asLong()).isEqualTo(1);
        assertThat(theirs.at("/rounds/0/viewers").asLong()).isEqualTo(1);
        JsonNode round = assertSuccess(post(Paths.ROOM_DURATION_LIST, other.readKey(), "application/json",
                "{\"room_id\":" + ROOM + ",\"room_rounds_id\":1,\"page\":1,\"page_size\":10,\"sort\":\"asc\"}"));
        assertThat(round.get("total").asLong()).isEqualTo(1);
        assertThat(round.at("/list/0/stay_duration").asLong()).isEqualTo(30);
        assertThat(call(Paths.ROOM_SUMMARY, "{\"room_id\":" + ROOM + "}").get("viewers").asLong()).isEqualTo(4);
    }

    // ---- the documentation ----

    @Test
    void theDocumentedFieldsAreTheRealAnswers() {
        JsonNode docs = send("GET", "/v3/api-docs", Map.of(), null).json();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("RoomDurationList", call(Paths.ROOM_DURATION_LIST, "{\"room_id\":" + ROOM
                + ",\"room_rounds_id\":0,\"page\":1,\"page_size\":1,\"sort\":\"asc\"}"));
        answers.put("RoomViewingRecord", answers.get("RoomDurationList").at("/list/0"));
        answers.put("DeviceStats", call(Paths.DEVICE_STATS, "{\"room_id\":" + ROOM + "}"));
        answers.put("RoomList", call(Paths.ROOM_LIST, "{\"page\":1,\"page_size\":1}"));
        answers.put("RoomItem", answers.get("RoomList").at("/list/0"));
        answers.put("RoomSummary", call(Paths.ROOM_SUMMARY, "{\"room_id\":" + ROOM + "}"));
        answers.put("RoomRound", answers.get("RoomSummary").at("/rounds/0"));
        answers.put("StayBucket", answers.get("RoomSummary").at("/stay_distribution/0"));
        answers.put("OnlineSeries", call(Paths.ONLINE_SERIES, "{\"room_id\":" + ROOM + "}"));
        answers.put("OnlineMinute", answers.get("OnlineSeries").at("/list/0"));
        answers.put("RoomRanking", call(Paths.ROOM_RANKING, "{\"room_id\":" + ROOM + ",\"by\":\"store\"}"));
        answers.put("RankingItem", answers.get("RoomRanking").at("/list/0"));
        answers.put("AccountTrend", call(Paths.ACCOUNT_TREND, "{\"days\":1}"));
        answers.put("TrendDay", answers.get("AccountTrend").at("/list/0"));
        answers.forEach((schema, answer) -> {
            JsonNode documented = docs.at("/components/schemas/" + schema);
            assertThat(new ArrayList<>(documented.get("properties").propertyNames())).as(schema)
                    .isEqualTo(fieldNames(answer));
            assertThat(new ArrayList<>(documented.get("required").valueStream().map(JsonNode::stringValue).toList()))
                    .as(schema).isEqualTo(fieldNames(answer));
        });
        for (String path : Paths.API) {
            assertThat(docs.at("/paths").has(path)).as(path).isTrue();
        }
    }

    // ---- helpers ----

    private JsonNode call(String path, String body) {
        return assertSuccess(post(path, account.readKey(), "application/json", body));
    }

    private static List<Long> viewers(JsonNode data) {
        return StreamSupport.stream(data.get("list").spliterator(), false)
                .map(r -> r.get("wechat_user_space_id").asLong()).toList();
    }

    private static List<String> ranking(JsonNode data) {
        return StreamSupport.stream(data.get("list").spliterator(), false)
                .map(r -> r.get("key").stringValue() + "/" + r.get("name").stringValue() + "/" + r.get("viewers").asLong())
                .toList();
    }

    private static JsonNode item(JsonNode roomList, long room) {
        for (JsonNode r : roomList.get("list")) {
            if (r.get("room_id").asLong() == room) {
                return r;
            }
        }
        throw new AssertionError("room " + room + " is not in " + roomList);
    }

    private static long sum(List<JsonNode> records, String field) {
        return records.stream().mapToLong(r -> r.get(field).asLong()).sum();
    }

    private static String shanghai(long epochSecond) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(Instant.ofEpochSecond(epochSecond).atZone(SHANGHAI));
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
