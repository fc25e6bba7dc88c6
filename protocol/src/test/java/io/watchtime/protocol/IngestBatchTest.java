package io.watchtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Every rule of an ingest batch that needs no server, and the factories' JSON read back as the same events. */
class IngestBatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long AT = 1_760_000_000L;
    private static final String GOOD = "{\"type\":\"enter\",\"room_id\":1,\"wechat_user_space_id\":2,"
            + "\"session_id\":\"s\",\"at\":" + AT + "}";

    record Bad(String name, String body, String... msg) {
        @Override
        public String toString() {
            return name + " -> " + Arrays.toString(msg);
        }
    }

    static Stream<Bad> refused() {
        return Stream.of(
                new Bad("no events", "{}", "events ", "required"),
                new Bad("events null", "{\"events\":null}", "events ", "required"),
                new Bad("events not an array", "{\"events\":{}}", "events ", "array"),
                new Bad("no event", "{\"events\":[]}", "events ", "1 to"),
                new Bad("too many events", events(String.join(",", java.util.Collections.nCopies(5001, GOOD))),
                        "events ", "5000"),
                new Bad("body an array", "[" + GOOD + "]", "JSON object"),
                new Bad("event not an object", events(GOOD + ",1"), "events[1]", "object"),
                new Bad("type missing", events("{\"room_id\":1}"), "events[0].type ", "required"),
                new Bad("type unknown", events(GOOD, "{\"type\":\"pause\",\"room_id\":1}"), "events[1].type",
                        "pause"),
                new Bad("type a number", events("{\"type\":3,\"room_id\":1}"), "events[0].type ", "string"),
                new Bad("room_id a word", events(GOOD, "{\"type\":\"room_start\",\"room_id\":\"x\"}"),
                        "events[1].room_id ", "integer"),
                new Bad("room_id two million digits", events("{\"type\":\"room_end\",\"room_id\":\""
                        + "9".repeat(2_000_000) + "\"}"), "events[0].room_id ", "too long", "2000000 characters"),
                new Bad("room_id 21 characters", events("{\"type\":\"room_end\",\"room_id\":\"0"
                        + "1".repeat(20) + "\"}"), "events[0].room_id ", "too long", "at most 20"),
                new Bad("room_id 0", events("{\"type\":\"room_end\",\"room_id\":0}"), "events[0].room_id ", "at least"),
                new Bad("room_id missing", events("{\"type\":\"room_end\"}"), "events[0].room_id ", "required"),
                new Bad("round_id negative", events("{\"type\":\"room_start\",\"room_id\":1,\"round_id\":-1}"),
                        "events[0].round_id ", "negative"),
                new Bad("viewer missing", events("{\"type\":\"heartbeat\",\"room_id\":1,\"session_id\":\"s\"}"),
                        "events[0].wechat_user_space_id ", "required"),
                new Bad("viewer 0", events(GOOD.replace("\"wechat_user_space_id\":2", "\"wechat_user_space_id\":0")),
                        "events[0].wechat_user_space_id ", "at least 1"),
                new Bad("session_id missing", events("{\"type\":\"leave\",\"room_id\":1,\"wechat_user_space_id\":2}"),
                        "events[0].session_id ", "required"),
                new Bad("session_id blank", events(GOOD.replace("\"s\"", "\"  \"")), "events[0].session_id ", "empty"),
                new Bad("session_id a number",
                        events("{\"type\":\"leave\",\"room_id\":1,\"wechat_user_space_id\":2,\"session_id\":5}"),
                        "events[0].session_id ", "string"),
                new Bad("session_id too long", events(GOOD.replace("\"s\"", "\"" + "s".repeat(129) + "\"")),
                        "events[0].session_id ", "128"),
                new Bad("at in milliseconds", events(GOOD.replace(AT + "}", AT * 1000 + "}")), "events[0].at ",
                        "milliseconds"),
                new Bad("at negative", events(GOOD.replace(AT + "}", "-1}")), "events[0].at ", "negative"),
                new Bad("mode unknown", events(field("mode", "\"vr\"")), "events[0].mode ", "live"),
                new Bad("mode a number", events(field("mode", "1")), "events[0].mode ", "string"),
                new Bad("third_wechat_info a string", events(field("third_wechat_info", "\"o1\"")),
                        "events[0].third_wechat_info ", "object"),
                new Bad("openid a number", events(field("third_wechat_info", "{\"openid\":1}")),
                        "events[0].openid ", "string"),
                new Bad("channel_id a word", events(field("channel_info", "{\"channel_id\":\"x\"}")),
                        "events[0].channel_info.channel_id ", "integer"),
                new Bad("channel_info an array", events(field("channel_info", "[]")), "events[0].channel_info ",
                        "object"),
                new Bad("ip a host name", events(field("ip", "\"example.com\"")), "events[0].ip ", "IPv4"),
                new Bad("ip out of range", events(field("ip", "\"256.1.1.1\"")), "events[0].ip "),
                new Bad("ip too long", events(field("ip", "\"" + "1".repeat(65) + "\"")), "events[0].ip ", "64"),
                new Bad("a NUL in a name", events(field("invited_name", "\"a\\u0000b\"")), "events[0].invited_name ",
                        "NUL"),
                new Bad("invited_name too long", events(field("invited_name", "\"" + "n".repeat(257) + "\"")),
                        "events[0].invited_name ", "256"),
                new Bad("photo too long", events(field("wechat_user_photo", "\"" + "p".repeat(1025) + "\"")),
                        "events[0].wechat_user_photo ", "1024"),
                new Bad("inviter negative", events(field("invited_wechat_user_space_id", "-2")),
                        "events[0].invited_wechat_user_space_id ", "negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badBatchesAreRefusedWithThePathOfTheField(Bad c) {
        assertThatThrownBy(() -> IngestBatch.fromJson(JSON.readTree(c.body())))
                .isInstanceOf(InvalidRequestException.class)
                .message().contains(c.msg());
    }

    @Test
    void theFactoriesWriteWhatTheParserReadsBack() {
        EnterProfile profile = EnterProfile.builder().ip("123.52.16.175").userAgent("Mozilla/5.0 (iPhone)")
                .wechatUserName("CLANNAD").wechatUserPhoto("https://example.com/p.jpg").thirdUuid("crm-1")
                .thirdWechatInfo(ThirdWechatInfo.of("wx1", "o1", "u1")).channelInfo(ChannelInfo.of(3128527, "袁", ""))
                .inviter(20401000L, "阿杰").build();
        List<IngestEvent> events = List.of(
                IngestEvent.roomStart(900001, 7, AT - 60),
                IngestEvent.enter(900001, 8756, "s-1", AT, WatchMode.LIVE, profile),
                IngestEvent.enter(900001, 8757, "s-2", AT, null, EnterProfile.NONE),
                IngestEvent.heartbeat(900001, 8756, "s-1", AT + 30, null),
                IngestEvent.leave(900001, 8756, "s-1", AT + 45, WatchMode.PLAYBACK),
                IngestEvent.roomEnd(900001, AT + 60));

        String body = JSON.writeValueAsString(new IngestBatch(events));

        assertThat(IngestBatch.fromJson(JSON.readTree(body)).events()).isEqualTo(events);
        assertThat(body).contains("\"wechat_user_name\":\"CLANNAD\"", "\"invited_wechat_user_space_id\":20401000")
                .doesNotContain("\"profile\"", "null");
    }

    @Test
    void typeAndModeAreReadInAnyCaseLikeSort() {
        List<IngestEvent> parsed = IngestBatch.fromJson(JSON.readTree(events(
                GOOD.replace("\"enter\"", "\"ENTER\"").replace("\"type\"", "\"mode\":\"LIVE\",\"type\""),
                GOOD.replace("\"enter\"", "\" Heartbeat \"").replace("\"type\"", "\"mode\":\" PlayBack \",\"type\""),
                "{\"type\":\"Room_Start\",\"room_id\":1,\"at\":" + AT + "}"))).events();

        assertThat(parsed).containsExactly(
                IngestEvent.enter(1, 2, "s", AT, WatchMode.LIVE, EnterProfile.NONE),
                IngestEvent.heartbeat(1, 2, "s", AT, WatchMode.PLAYBACK),
                IngestEvent.roomStart(1, 0, AT));
    }

    @Test
    void anEnterWithoutProfileFieldsKeepsWhatTheRecordHolds() {
        IngestEvent parsed = IngestBatch.fromJson(JSON.readTree(events(GOOD))).events().get(0);

        assertThat(parsed.profile()).isEqualTo(EnterProfile.NONE);
        assertThat(parsed.mode()).isNull();
    }

    @Test
    void roomEventsIgnoreViewerFields() {
        IngestEvent parsed = IngestBatch.fromJson(JSON.readTree(events(
                "{\"type\":\"room_start\",\"room_id\":1,\"wechat_user_space_id\":\"x\",\"mode\":3}"))).events().get(0);

        assertThat(parsed).isEqualTo(IngestEvent.roomStart(1, 0, 0));
    }

    private static String field(String name, String rawValue) {
        return GOOD.replace("\"type\"", "\"" + name + "\":" + rawValue + ",\"type\"");
    }

    private static String events(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }
}
