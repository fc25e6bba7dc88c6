package io.watchtime.server.viewing;

import static io.watchtime.server.support.Replies.assertSuccess;
import static io.watchtime.server.support.Replies.fieldNames;
import static io.watchtime.server.support.WireEvents.batch;
import static io.watchtime.server.support.WireEvents.beat;
import static io.watchtime.server.support.WireEvents.beats;
import static io.watchtime.server.support.WireEvents.enter;
import static io.watchtime.server.support.WireEvents.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.watchtime.server.enrich.Areas;
import io.watchtime.server.support.HttpTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;
import tools.jackson.databind.node.ObjectNode;

/**
 * Section 1 of the design, checked against the seed document: events go in through the real ingest
 * endpoint, records come out of the real query endpoint, and every item must look like the seed's
 * example (fields, order, JSON types), with values that follow exactly from the events sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractTest extends HttpTest {

    /** The seed's response example, copied verbatim from spec/getAccountUserDurationList.txt. */
    private static final String SEED_RESOURCE = "/seed/getAccountUserDurationList.response.json";
    private static final List<String> SEED_ORDER = List.of("room_id", "wechat_user_space_id", "wechat_user_name",
            "wechat_user_photo", "stay_duration", "ip", "third_uuid", "third_wechat_info", "live_duration",
            "playback_duration", "channel_info", "invited_wechat_user_space_id", "invited_name", "first_visit_time",
            "last_visit_time", "device", "area");

    static final String IPHONE_WECHAT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.42(0x18002a2f) NetType/WIFI Language/zh_CN";
    static final String ANDROID_WECHAT = "Mozilla/5.0 (Linux; Android 13; V2229A Build/TP1A.220624.014; wv)"
            + " AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065"
            + " MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI";
    static final String WINDOWS_WECHAT = "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B)"
            + " WindowsWechat(0x63090a13) XWEB/8555 Flue";
    static final String PHOTO = "https://nyfs-alpha.oss-cn-hangzhou.aliyuncs.com/Uploads/WxHeadImg2023/C8E9/"
            + "CA4ADBC430BE7F04646A606E36A6C8E9.jpg";

    // Rooms and viewers from the seed's example.
    static final long ROOM_LIVE = 1248039790L;
    static final long ROOM_NEVER_STARTED = 1247419132L;
    static final long ROOM_LIVE_2 = 384545650L;
    static final long ROOM_REPLAY = 1151766938L;
    static final long ROOM_PC = 256134450L;
    static final long CLANNAD = 8756L;
    static final long ANONYMOUS = 315897L;
    static final long SMILE = 20401797L;
    static final long NORMAL_NAME = 20401587L;
    static final long FROST = 20401845L;
    static final long ABROAD = 20401818L;

    // Event times (unix seconds) and how Asia/Shanghai writes them.
    static final long T_CLANNAD = 1758006366L; // 2025-09-16 15:06:06 +08:00
    static final long T_ANONYMOUS = 1758022098L; // 2025-09-16 19:28:18
    static final long T_SMILE = 1758094491L; // 2025-09-17 15:34:51
    static final long T_REPLAY = 1758682420L; // 2025-09-24 10:53:40
    static final long T_PC = 1761117768L; // 2025-10-22 15:22:48

    @Autowired
    Areas areas;

    private TestAccount account;
    /** Every record of the account, by "room/viewer", as the API lists them. */
    private final Map<String, JsonNode> records = new LinkedHashMap<>();
    private JsonNode firstPage;
    private long ingestStartedAt;
    private long ingestEndedAt;

    @BeforeAll
    void ingestTheSeedsViewers() {
        account = newAccount();
        ingestStartedAt = Instant.now().getEpochSecond();

        List<ObjectNode> first = new ArrayList<>();
        // CLANNAD watches a live room for 390 s: heartbeats every 30 s, all while the room is live.
        first.add(room("room_start", ROOM_LIVE, T_CLANNAD - 60));
        first.add(enter(ROOM_LIVE, CLANNAD, "c1", T_CLANNAD).put("ip", "123.52.16.175").put("user_agent", IPHONE_WECHAT)
                .put("wechat_user_name", "CLANNAD").put("wechat_user_photo", PHOTO).put("third_uuid", "")
                .set("channel_info", object().put("channel_id", 3128527).put("channel_name", "袁").put("store_id", "")));
        first.addAll(beats(ROOM_LIVE, CLANNAD, "c1", T_CLANNAD + 30, T_CLANNAD + 390));
        // A viewer nothing is known of, in a room that never went live: 10 s, neither live nor playback.
        first.add(enter(ROOM_NEVER_STARTED, ANONYMOUS, "a1", T_ANONYMOUS));
        first.add(beat(ROOM_NEVER_STARTED, ANONYMOUS, "a1", T_ANONYMOUS + 10));
        // SMILE: third-party ids and an inviter; a second visit later with another IP, channel and inviter.
        first.add(room("room_start", ROOM_LIVE_2, T_SMILE - 10));
        first.add(enter(ROOM_LIVE_2, SMILE, "s1", T_SMILE).put("ip", "220.184.19.51").put("user_agent", ANDROID_WECHAT)
                .put("wechat_user_name", ":)").put("third_uuid", "crm-42")
                .put("invited_wechat_user_space_id", CLANNAD).put("invited_name", "CLANNAD")
                .set("third_wechat_info", object().put("authorizer_appid", "wx5c0ffee").put("openid", "oAbC-123")
                        .put("unionid", "uXyZ-456"))
                .set("channel_info", object().put("channel_id", 3128583).put("channel_name", "零零零零啦啦啦")
                        .put("store_id", "S-01")));
        first.addAll(beats(ROOM_LIVE_2, SMILE, "s1", T_SMILE + 30, T_SMILE + 60));
        first.add(enter(ROOM_LIVE_2, SMILE, "s2", T_SMILE + 120).put("ip", "123.52.16.175")
                .put("invited_wechat_user_space_id", 1).put("invited_name", "late inviter")
                .set("channel_info", object().put("channel_id", 999).put("channel_name", "late").put("store_id", "x")));
        first.add(beat(ROOM_LIVE_2, SMILE, "s2", T_SMILE + 150));
        ingest(account.ingestKey(), batch(first));

        List<ObjectNode> second = new ArrayList<>();
        // SMILE again, in a room that ends while watching: 90 s live, then 60 s of replay.
        second.add(room("room_start", ROOM_REPLAY, T_REPLAY - 10));
        second.add(enter(ROOM_REPLAY, SMILE, "r1", T_REPLAY).put("ip", "220.184.19.51").put("user_agent", ANDROID_WECHAT)
                .put("wechat_user_name", ":)")
                .set("third_wechat_info", object().put("openid", "o-only"))
                .set("channel_info", object().put("channel_id", "3128592").put("channel_name", "bb的门店111")));
        second.addAll(beats(ROOM_REPLAY, SMILE, "r1", T_REPLAY + 30, T_REPLAY + 150));
        second.add(room("room_end", ROOM_REPLAY, T_REPLAY + 90));
        // A viewer who only comes after the end, without saying what he watches: all of it is playback.
        second.add(enter(ROOM_REPLAY, NORMAL_NAME, "n1", T_REPLAY + 200).put("ip", "219.155.89.99")
                .put("user_agent", IPHONE_WECHAT).put("wechat_user_name", "这是个正常名"));
        second.addAll(beats(ROOM_REPLAY, NORMAL_NAME, "n1", T_REPLAY + 230, T_REPLAY + 320));
        // A PC on a private address, and a foreign address with an unknown kind of device.
        second.add(enter(ROOM_PC, FROST, "f1", T_PC).put("ip", "192.168.1.10").put("user_agent", WINDOWS_WECHAT)
                .put("wechat_user_name", "Frost"));
        second.add(beat(ROOM_PC, FROST, "f1", T_PC + 30));
        second.add(enter(ROOM_PC, ABROAD, "x1", T_PC + 5).put("ip", "8.8.8.8").put("user_agent", "curl/8.5.0"));
        ingest(account.ingestKey(), batch(second));
        ingestEndedAt = Instant.now().getEpochSecond();

        // Another account with the same room and viewer ids must change nothing here.
        TestAccount other = newAccount();
        ingest(other.ingestKey(), batch(List.of(room("room_start", ROOM_LIVE, T_CLANNAD - 60),
                enter(ROOM_LIVE, CLANNAD, "o1", T_CLANNAD).put("wechat_user_name", "someone else"),
                beat(ROOM_LIVE, CLANNAD, "o1", T_CLANNAD + 45))));

        firstPage = list(account.readKey(), "{\"page\":1,\"page_size\":500,\"sort\":\"asc\"}").json();
        for (JsonNode item : firstPage.get("data").get("list")) {
            records.put(item.get("room_id").asLong() + "/" + item.get("wechat_user_space_id").asLong(), item);
        }
    }

    @Test
    void envelopeIsCodeMsgDataThenTotalList() {
        assertThat(fieldNames(firstPage)).containsExactly("code", "msg", "data");
        assertThat(firstPage.get("code").isIntegralNumber()).isTrue();
        assertThat(firstPage.get("code").asInt()).isEqualTo(200);
        assertThat(firstPage.get("msg").stringValue()).isEqualTo("Success");
        assertThat(fieldNames(firstPage.get("data"))).containsExactly("total", "list");
        assertThat(firstPage.get("data").get("total").isIntegralNumber()).isTrue();
        assertThat(firstPage.get("data").get("total").asLong()).isEqualTo(7);
        assertThat(records).hasSize(7).containsOnlyKeys(key(ROOM_LIVE, CLANNAD), key(ROOM_NEVER_STARTED, ANONYMOUS),
                key(ROOM_LIVE_2, SMILE), key(ROOM_REPLAY, SMILE), key(ROOM_REPLAY, NORMAL_NAME), key(ROOM_PC, FROST),
                key(ROOM_PC, ABROAD));
    }

    @Test
    void everyItemHasTheSeedsFieldsInTheSeedsOrderThenUpdateTime() {
        JsonNode seedItem = seed().get("data").get("list").get(0);
        assertThat(fieldNames(seedItem)).as("the seed example's own order").isEqualTo(SEED_ORDER);
        List<String> expected = new ArrayList<>(SEED_ORDER);
        expected.add("update_time");
        records.forEach((key, item) -> assertThat(fieldNames(item)).as(key).isEqualTo(expected));
    }

    @Test
    void everyValueHasTheSeedsJsonType() {
        Map<String, JsonNodeType> seedTypes = typesOf(seed().get("data").get("list"));
        Map<String, JsonNodeType> seedChannelTypes = typesOf(knownChannels(seed().get("data").get("list")));
        assertThat(seedTypes).hasSize(SEED_ORDER.size());
        assertThat(seedChannelTypes).containsOnlyKeys("channel_id", "channel_name", "store_id");
        records.forEach((key, item) -> {
            for (String field : SEED_ORDER) {
                assertThat(item.get(field).getNodeType()).as(key + " " + field).isEqualTo(seedTypes.get(field));
                if (seedTypes.get(field) == JsonNodeType.NUMBER) {
                    assertThat(item.get(field).isIntegralNumber()).as(key + " " + field + " is an integer").isTrue();
                }
            }
            assertThat(item.get("update_time").isIntegralNumber()).as(key + " update_time").isTrue();
            JsonNode channel = item.get("channel_info");
            if (!channel.isEmpty()) {
                assertThat(fieldNames(channel)).as(key).containsExactly("channel_id", "channel_name", "store_id");
                channel.properties().forEach(e -> assertThat(e.getValue().getNodeType()).as(key + " " + e.getKey())
                        .isEqualTo(seedChannelTypes.get(e.getKey())));
            }
            JsonNode wechat = item.get("third_wechat_info");
            if (!wechat.isEmpty()) {
                // The seed's example has none known; its table says: three strings.
                assertThat(fieldNames(wechat)).as(key).containsExactly("authorizer_appid", "openid", "unionid");
                wechat.properties().forEach(e -> assertThat(e.getValue().isString()).as(key + " " + e.getKey()).isTrue());
            }
        });
    }

    @Test
    void aSeedLikeRecordFieldByField() {
        JsonNode r = record(ROOM_LIVE, CLANNAD);
        assertThat(r.get("room_id").asLong()).isEqualTo(ROOM_LIVE);
        assertThat(r.get("wechat_user_space_id").asLong()).isEqualTo(CLANNAD);
        assertThat(r.get("wechat_user_name").stringValue()).isEqualTo("CLANNAD");
        assertThat(r.get("wechat_user_photo").stringValue()).isEqualTo(PHOTO);
        assertThat(r.get("stay_duration").asLong()).isEqualTo(390);
        assertThat(r.get("ip").stringValue()).isEqualTo("123.52.16.175");
        assertThat(r.get("third_uuid").stringValue()).isEmpty();
        assertThat(r.get("third_wechat_info").toString()).isEqualTo("{}");
        assertThat(r.get("live_duration").asLong()).isEqualTo(390);
        assertThat(r.get("playback_duration").asLong()).isZero();
        assertThat(r.get("channel_info").toString())
                .isEqualTo("{\"channel_id\":3128527,\"channel_name\":\"袁\",\"store_id\":\"\"}");
        assertThat(r.get("invited_wechat_user_space_id").asLong()).isZero();
        assertThat(r.get("invited_name").stringValue()).isEmpty();
        assertThat(r.get("first_visit_time").stringValue()).isEqualTo("2025-09-16 15:06:06");
        assertThat(r.get("last_visit_time").stringValue()).isEqualTo("2025-09-16 15:06:06");
        assertThat(r.get("device").stringValue()).isEqualTo("iOS");
        assertThat(r.get("area").stringValue()).isEqualTo(area("河南 郑州"));
    }

    @Test
    void aViewerWithoutProfileHasEmptyStringsAndEmptyObjects() {
        JsonNode r = record(ROOM_NEVER_STARTED, ANONYMOUS);
        for (String field : List.of("wechat_user_name", "wechat_user_photo", "ip", "third_uuid", "invited_name",
                "device", "area")) {
            assertThat(r.get(field).isString()).as(field).isTrue();
            assertThat(r.get(field).stringValue()).as(field).isEmpty();
        }
        assertThat(r.get("third_wechat_info").toString()).isEqualTo("{}");
        assertThat(r.get("channel_info").toString()).isEqualTo("{}");
        assertThat(r.get("invited_wechat_user_space_id").asLong()).isZero();
        assertThat(r.get("first_visit_time").stringValue()).isEqualTo("2025-09-16 19:28:18");
        assertThat(r.get("last_visit_time").stringValue()).isEqualTo("2025-09-16 19:28:18");
    }

    @Test
    void thirdPartyIdsInviterAndChannelAreFirstTouchAndComplete() {
        JsonNode live = record(ROOM_LIVE_2, SMILE);
        assertThat(live.get("third_uuid").stringValue()).isEqualTo("crm-42");
        assertThat(live.get("third_wechat_info").toString())
                .isEqualTo("{\"authorizer_appid\":\"wx5c0ffee\",\"openid\":\"oAbC-123\",\"unionid\":\"uXyZ-456\"}");
        // The second visit's channel and inviter do not replace the first ones ...
        assertThat(live.get("channel_info").toString())
                .isEqualTo("{\"channel_id\":3128583,\"channel_name\":\"零零零零啦啦啦\",\"store_id\":\"S-01\"}");
        assertThat(live.get("invited_wechat_user_space_id").asLong()).isEqualTo(CLANNAD);
        assertThat(live.get("invited_name").stringValue()).isEqualTo("CLANNAD");
        // ... but its IP is the latest, and only an enter moves the last visit.
        assertThat(live.get("ip").stringValue()).isEqualTo("123.52.16.175");
        assertThat(live.get("area").stringValue()).isEqualTo(area("河南 郑州"));
        assertThat(live.get("first_visit_time").stringValue()).isEqualTo("2025-09-17 15:34:51");
        assertThat(live.get("last_visit_time").stringValue()).isEqualTo("2025-09-17 15:36:51");

        JsonNode replay = record(ROOM_REPLAY, SMILE);
        // Known third-party info and channel always carry all three fields, "" for the missing ones.
        assertThat(replay.get("third_wechat_info").toString())
                .isEqualTo("{\"authorizer_appid\":\"\",\"openid\":\"o-only\",\"unionid\":\"\"}");
        assertThat(replay.get("channel_info").toString())
                .isEqualTo("{\"channel_id\":3128592,\"channel_name\":\"bb的门店111\",\"store_id\":\"\"}");
        assertThat(replay.get("invited_wechat_user_space_id").asLong()).isZero();
        assertThat(replay.get("third_uuid").stringValue()).isEmpty();
    }

    static Stream<Arguments> devicesAndAreas() {
        return Stream.of(
                Arguments.of(ROOM_LIVE, CLANNAD, "iOS", "河南 郑州"),
                Arguments.of(ROOM_REPLAY, SMILE, "Android", "浙江 杭州"),
                Arguments.of(ROOM_REPLAY, NORMAL_NAME, "iOS", "河南 郑州"),
                Arguments.of(ROOM_PC, FROST, "PC", ""),
                Arguments.of(ROOM_PC, ABROAD, "Other", "美国"),
                Arguments.of(ROOM_NEVER_STARTED, ANONYMOUS, "", ""));
    }

    @ParameterizedTest(name = "room {0} viewer {1}: {2} / {3}")
    @MethodSource("devicesAndAreas")
    void deviceLabelsAndAreasAreTheSeeds(long room, long viewer, String device, String area) {
        JsonNode r = record(room, viewer);
        assertThat(r.get("device").stringValue()).isEqualTo(device);
        assertThat(r.get("area").stringValue()).isEqualTo(area(area));
    }

    static Stream<Arguments> durations() {
        return Stream.of(
                // room, viewer, stay, live, playback
                Arguments.of(ROOM_LIVE, CLANNAD, 390, 390, 0),
                Arguments.of(ROOM_NEVER_STARTED, ANONYMOUS, 10, 0, 0),
                Arguments.of(ROOM_LIVE_2, SMILE, 90, 90, 0),
                Arguments.of(ROOM_REPLAY, SMILE, 150, 90, 60),
                Arguments.of(ROOM_REPLAY, NORMAL_NAME, 120, 0, 120),
                Arguments.of(ROOM_PC, FROST, 30, 0, 0),
                Arguments.of(ROOM_PC, ABROAD, 0, 0, 0));
    }

    @ParameterizedTest(name = "room {0} viewer {1}: stay {2}, live {3}, playback {4}")
    @MethodSource("durations")
    void durationsFollowExactlyFromTheEvents(long room, long viewer, long stay, long live, long playback) {
        JsonNode r = record(room, viewer);
        assertThat(r.get("stay_duration").asLong()).as("stay").isEqualTo(stay);
        assertThat(r.get("live_duration").asLong()).as("live").isEqualTo(live);
        assertThat(r.get("playback_duration").asLong()).as("playback").isEqualTo(playback);
    }

    @Test
    void visitTimesAreShanghaiWallClock() {
        assertThat(record(ROOM_REPLAY, SMILE).get("first_visit_time").stringValue()).isEqualTo("2025-09-24 10:53:40");
        assertThat(record(ROOM_REPLAY, NORMAL_NAME).get("first_visit_time").stringValue())
                .isEqualTo("2025-09-24 10:57:00");
        assertThat(record(ROOM_PC, FROST).get("last_visit_time").stringValue()).isEqualTo("2025-10-22 15:22:48");
        records.forEach((key, r) -> {
            assertThat(r.get("first_visit_time").stringValue()).as(key).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
            assertThat(r.get("last_visit_time").stringValue()).as(key)
                    .isGreaterThanOrEqualTo(r.get("first_visit_time").stringValue());
        });
    }

    @Test
    void totalCountsRecordsNotViewers() {
        JsonNode data = assertSuccess(list(account.readKey(),
                "{\"page\":1,\"page_size\":10,\"sort\":\"desc\",\"wechat_user_space_id\":" + SMILE + "}"));
        assertThat(data.get("total").asLong()).isEqualTo(2);
        assertThat(data.get("list")).hasSize(2);
        for (JsonNode item : data.get("list")) {
            assertThat(item.get("wechat_user_space_id").asLong()).isEqualTo(SMILE);
        }
        // A page smaller than the result: total still counts every record.
        JsonNode small = assertSuccess(list(account.readKey(), "{\"page\":2,\"page_size\":3,\"sort\":\"asc\"}"));
        assertThat(small.get("total").asLong()).isEqualTo(7);
        assertThat(small.get("list")).hasSize(3);
    }

    @Test
    void updateTimeIsTheLastChangeInUnixSecondsAndFilters() {
        records.forEach((key, r) -> assertThat(r.get("update_time").asLong()).as(key)
                .isBetween(ingestStartedAt, ingestEndedAt));
        long newest = records.values().stream().mapToLong(r -> r.get("update_time").asLong()).max().orElseThrow();
        long expected = records.values().stream().filter(r -> r.get("update_time").asLong() == newest).count();
        JsonNode data = assertSuccess(list(account.readKey(), "{\"page\":1,\"page_size\":500,\"sort\":\"asc\","
                + "\"update_time_start\":" + newest + ",\"update_time_end\":" + newest + "}"));
        assertThat(data.get("total").asLong()).isEqualTo(expected);
        JsonNode none = assertSuccess(list(account.readKey(), "{\"page\":1,\"page_size\":500,\"sort\":\"asc\","
                + "\"update_time_start\":" + (newest + 1) + "}"));
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("list")).isEmpty();
    }

    @Test
    void anotherAccountsDataIsInvisible() {
        JsonNode r = record(ROOM_LIVE, CLANNAD);
        assertThat(r.get("wechat_user_name").stringValue()).isEqualTo("CLANNAD");
        assertThat(r.get("stay_duration").asLong()).isEqualTo(390);
    }

    @Test
    void embeddedSeedIsTheSpecsExample() throws IOException {
        Path spec = repositoryRoot().resolveSibling("shared").resolve("spec").resolve("getAccountUserDurationList.txt");
        assumeTrue(Files.isRegularFile(spec), "spec not beside the repository (" + spec + "); the embedded copy is used");
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        int example = text.indexOf('{', text.indexOf("响应示例"));
        assertThat(example).as("the response example in " + spec).isPositive();
        assertThat(JSON.readTree(text.substring(example))).isEqualTo(seed());
    }

    // ---- helpers ----

    private JsonNode record(long room, long viewer) {
        JsonNode r = records.get(key(room, viewer));
        if (r == null) {
            fail("no record for room " + room + " viewer " + viewer + " in " + records.keySet());
        }
        return r;
    }

    private static String key(long room, long viewer) {
        return room + "/" + viewer;
    }

    /** The expected area; without the ip2region file the service runs but areas are "", which the contract forbids. */
    private String area(String expected) {
        if (!expected.isEmpty() && !areas.available()) {
            fail("the ip2region database is missing (the build fetches it with npm into target/classes/ip2region), "
                    + "so areas cannot be checked");
        }
        return expected;
    }

    private static JsonNode seed() {
        try (InputStream in = ContractTest.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new AssertionError("test resource " + SEED_RESOURCE + " is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + SEED_RESOURCE, e);
        }
    }

    /** The one JSON type each field has across the items (the seed never mixes types in a field). */
    private static Map<String, JsonNodeType> typesOf(Iterable<JsonNode> items) {
        Map<String, JsonNodeType> types = new HashMap<>();
        for (JsonNode item : items) {
            item.properties().forEach(e -> {
                JsonNodeType previous = types.putIfAbsent(e.getKey(), e.getValue().getNodeType());
                assertThat(previous == null || previous == e.getValue().getNodeType()).as(e.getKey()).isTrue();
            });
        }
        return types;
    }

    private static List<JsonNode> knownChannels(JsonNode items) {
        List<JsonNode> channels = new ArrayList<>();
        items.forEach(item -> {
            if (!item.get("channel_info").isEmpty()) {
                channels.add(item.get("channel_info"));
            }
        });
        return channels;
    }

    /** The repository's root: the working directory of a module's tests is the module. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.isRegularFile(dir.resolve("../protocol/pom.xml")) ? dir.getParent() : dir;
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
