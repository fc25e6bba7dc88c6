package io.watchtime.server.viewing;

import static io.watchtime.server.support.Replies.assertError;
import static io.watchtime.server.support.Replies.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.Sort;
import io.watchtime.server.account.ApiKeys;
import io.watchtime.server.account.Scope;
import io.watchtime.server.support.HttpTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every rule of the contract's request (design section 1), one bad value at least per rule: each gets
 * its status, the error envelope and a msg naming the field, and changes nothing. The accepted
 * spellings answer exactly like the canonical request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationTest extends HttpTest {

    static final String JSON_TYPE = "application/json";
    static final String CANONICAL = "{\"page\":1,\"page_size\":10,\"sort\":\"desc\"}";
    static final long[] ROOMS = {101, 202, 303};
    static final long VIEWER = 7;
    static final long AT = 1_760_000_000L;

    private TestAccount account;
    private JsonNode canonical;

    /** One bad (or good) request: a body with its Content-Type, and the answer it must get. */
    record Case(String name, String contentType, String body, int status, String... msg) {
        @Override
        public String toString() {
            return name + " -> " + status + " " + Arrays.toString(msg);
        }
    }

    @BeforeAll
    void threeRecordsOfOneViewer() {
        account = newAccount();
        StringBuilder events = new StringBuilder();
        for (long room : ROOMS) {
            events.append(events.isEmpty() ? "" : ",").append(enter(room, VIEWER, "s" + room, AT, "v1")).append(',')
                    .append(beat(room, VIEWER, "s" + room, AT + 30));
        }
        ingest(account.ingestKey(), "{\"events\":[" + events + "]}");
        canonical = assertSuccess(list(account.readKey(), CANONICAL));
        assertThat(canonical.get("total").asLong()).isEqualTo(3);
    }

    // ---- the query ----

    static Stream<Case> badQueries() {
        return Stream.of(
                // page: required, integer >= 1
                query("page missing", without("page"), "page ", "required"),
                query("page 0", with("page", "0"), "page ", "at least 1"),
                query("page -1", with("page", "-1"), "page ", "negative"),
                query("page 1.5", with("page", "1.5"), "page ", "integer"),
                query("page \"abc\"", with("page", "\"abc\""), "page ", "integer"),
                query("page true", with("page", "true"), "page ", "integer"),
                query("page \"1.0\"", with("page", "\"1.0\""), "page ", "integer"),
                query("page \"\"", with("page", "\"\""), "page ", "integer"),
                query("page {}", with("page", "{}"), "page ", "integer"),
                query("page beyond int64", with("page", "99999999999999999999"), "page ", "int64"),
                query("page \"beyond int64\"", with("page", "\"99999999999999999999\""), "page ", "int64"),
                query("page beyond the last possible page", with("page", "2147483648"), "page ", "at most"),
                // page_size: required, 1..500
                query("page_size missing", without("page_size"), "page_size ", "required"),
                query("page_size 0", with("page_size", "0"), "page_size ", "at least 1"),
                query("page_size 501", with("page_size", "501"), "page_size ", "at most 500"),
                query("page_size \"x\"", with("page_size", "\"x\""), "page_size ", "integer"),
                query("page_size 10.0", with("page_size", "10.0"), "page_size ", "integer"),
                // sort: required, asc or desc
                query("sort missing", without("sort"), "sort ", "required"),
                query("sort null", with("sort", "null"), "sort ", "required"),
                query("sort \"up\"", with("sort", "\"up\""), "sort ", "\"up\""),
                query("sort 1", with("sort", "1"), "sort ", "asc"),
                query("sort [\"asc\"]", with("sort", "[\"asc\"]"), "sort ", "asc"),
                query("sort a lone surrogate", with("sort", "\"\\ud800\""), "sort ", "asc"),
                // update_time_start / update_time_end: unix seconds, start <= end
                query("start negative", with("update_time_start", "-1"), "update_time_start ", "negative"),
                query("start fraction", with("update_time_start", "1700000000.5"), "update_time_start ", "integer"),
                query("start word", with("update_time_start", "\"yesterday\""), "update_time_start ", "integer"),
                query("start milliseconds", with("update_time_start", "1700000000000"), "update_time_start ",
                        "milliseconds"),
                query("end negative", with("update_time_end", "\"-5\""), "update_time_end ", "negative"),
                query("end fraction", with("update_time_end", "0.5"), "update_time_end ", "integer"),
                query("end word", with("update_time_end", "\"now\""), "update_time_end ", "integer"),
                query("end boolean", with("update_time_end", "false"), "update_time_end ", "integer"),
                query("end milliseconds", with("update_time_end", "\"1700000000000\""), "update_time_end ",
                        "milliseconds"),
                query("start after end", with(with("update_time_start", "1700000100"), "update_time_end", "1700000000"),
                        "update_time_start ", "update_time_end "),
                // wechat_user_space_id: integer >= 0
                query("viewer -1", with("wechat_user_space_id", "-1"), "wechat_user_space_id ", "negative"),
                query("viewer \"x\"", with("wechat_user_space_id", "\"x\""), "wechat_user_space_id ", "integer"),
                query("viewer 1.5", with("wechat_user_space_id", "1.5"), "wechat_user_space_id ", "integer"),
                query("viewer []", with("wechat_user_space_id", "[]"), "wechat_user_space_id ", "integer"),
                query("viewer beyond int64", with("wechat_user_space_id", "9223372036854775808"),
                        "wechat_user_space_id ", "int64"),
                // cursor (the extension): a token this server issued for the same filter and order
                query("cursor a number", with("cursor", "1"), "cursor ", "string"),
                query("cursor an object", with("cursor", "{}"), "cursor ", "string"),
                query("cursor too long", with("cursor", "\"" + "A".repeat(201) + "\""), "cursor ", "at most 200"),
                query("cursor not base64", with("cursor", "\"not a cursor!\""), "cursor ", "not one this server"),
                query("cursor of another format", with("cursor", "\"MnxBU0N8MA\""), "cursor ", "not one this server"),
                query("cursor of another sort", with("cursor", "\"" + cursorOf("asc") + "\""), "cursor ", "another sort"),
                query("cursor of another filter", with(with("cursor", "\"" + cursorOf("desc") + "\""),
                        "wechat_user_space_id", "5"), "cursor ", "wechat_user_space_id"),
                // the body
                query("body []", "[]", "JSON object"),
                query("body 1", "1", "JSON object"),
                query("body \"x\"", "\"x\"", "JSON object"),
                query("body null", "null", "JSON object"),
                query("empty body", "", "empty"),
                query("whitespace body", " \r\n\t ", "empty"),
                query("malformed JSON", "{\"page\":1,", "malformed JSON"),
                query("single quotes", "{'page':1,'page_size':10,'sort':'desc'}", "malformed JSON"),
                query("trailing garbage", CANONICAL + " x", "malformed JSON"),
                query("two objects", CANONICAL + CANONICAL, "malformed JSON"),
                query("unterminated string", "{\"page\":\"1", "malformed JSON"),
                // the content type
                new Case("text/plain", "text/plain", CANONICAL, 400, "Content-Type", "application/json"),
                new Case("no Content-Type", null, CANONICAL, 400, "Content-Type"),
                new Case("form", "application/x-www-form-urlencoded", "page=1&page_size=10&sort=desc", 400,
                        "Content-Type"),
                new Case("xml", "application/xml", "<page>1</page>", 400, "Content-Type"),
                new Case("wildcard", "*/*", CANONICAL, 400, "Content-Type"),
                new Case("unparsable Content-Type", "json please", CANONICAL, 400, "Content-Type"),
                // the size
                new Case("body over 64 KiB", JSON_TYPE, with("padding", "\"" + "x".repeat(70_000) + "\""), 413,
                        "larger than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badQueriesAreRefusedWithTheFieldNamed(Case c) {
        Reply reply = post(LIST_PATH, account.readKey(), c.contentType(), c.body());
        assertError(reply, c.status(), c.msg());
    }

    static Stream<Case> acceptedQueries() {
        return Stream.of(
                query("integers as strings", "{\"page\":\"1\",\"page_size\":\"10\",\"sort\":\"desc\"}"),
                query("integers as padded strings", "{\"page\":\" 1 \",\"page_size\":\"10\",\"sort\":\"desc\"}"),
                query("sort \" DESC \"", with("sort", "\" DESC \"")),
                query("sort \"Desc\"", with("sort", "\"Desc\"")),
                query("optional fields 0", with(with(with("update_time_start", "0"), "update_time_end", "0"),
                        "wechat_user_space_id", "0")),
                query("optional fields \"0\"", with(with(with("update_time_start", "\"0\""), "update_time_end", "\"0\""),
                        "wechat_user_space_id", "\"0\"")),
                query("optional fields null", with(with(with("update_time_start", "null"), "update_time_end", "null"),
                        "wechat_user_space_id", "null")),
                query("cursor null is no cursor", with("cursor", "null")),
                query("unknown fields", with(with("account_id", "1"), "extra", "{\"nested\":[1,\"two\",null]}")),
                query("viewer as string", with("wechat_user_space_id", "\"" + VIEWER + "\"")),
                query("start <= end", with(with("update_time_start", "1"), "update_time_end", "9999999999")),
                query("whitespace around the object", "\n  " + CANONICAL + "  \n"),
                new Case("charset utf-8", "application/json; charset=utf-8", CANONICAL, 200),
                new Case("charset UTF-8 no space", "application/json;charset=UTF-8", CANONICAL, 200),
                new Case("media type in capitals", "Application/JSON", CANONICAL, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedQueries")
    void acceptedFormsAnswerLikeTheCanonicalRequest(Case c) {
        JsonNode data = assertSuccess(post(LIST_PATH, account.readKey(), c.contentType(), c.body()));
        assertThat(data).isEqualTo(canonical);
    }

    @Test
    void sortOrdersByUpdateTimeThenRoomInBothDirections() {
        assertThat(rooms(canonical)).containsExactly(303L, 202L, 101L);
        JsonNode asc = assertSuccess(list(account.readKey(), with("sort", "\" asc\"")));
        assertThat(rooms(asc)).containsExactly(101L, 202L, 303L);
        JsonNode second = assertSuccess(list(account.readKey(), with(with("page", "\"2\""), "page_size", "\"2\"")));
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(rooms(second)).containsExactly(101L);
        JsonNode farAway = assertSuccess(list(account.readKey(), with("page", "2147483647")));
        assertThat(farAway.get("total").asLong()).isEqualTo(3);
        assertThat(farAway.get("list")).isEmpty();
        JsonNode nobody = assertSuccess(list(account.readKey(), with("wechat_user_space_id", "8")));
        assertThat(nobody.get("total").asLong()).isZero();
    }

    // ---- ingest ----

    static Stream<Case> badIngests() {
        String good = enter(1, 2, "s", AT, "n");
        return Stream.of(
                ingestCase("no events", "{}", "events ", "required"),
                ingestCase("events not an array", "{\"events\":{}}", "events ", "array"),
                ingestCase("no event", "{\"events\":[]}", "events ", "1 to"),
                ingestCase("body an array", "[" + good + "]", "JSON object"),
                ingestCase("event not an object", "{\"events\":[" + good + ",1]}", "events[1]"),
                ingestCase("unknown type", events(good, "{\"type\":\"pause\",\"room_id\":1}"), "events[1].type"),
                ingestCase("room_id a word", events(good, "{\"type\":\"room_start\",\"room_id\":\"x\"}"),
                        "events[1].room_id ", "integer"),
                ingestCase("room_id 0", events("{\"type\":\"room_end\",\"room_id\":0}"), "events[0].room_id ", "at least"),
                ingestCase("viewer missing", events("{\"type\":\"heartbeat\",\"room_id\":1,\"session_id\":\"s\"}"),
                        "events[0].wechat_user_space_id ", "required"),
                ingestCase("session_id empty", events(beat(1, 2, "", AT)), "events[0].session_id "),
                ingestCase("session_id a number",
                        events("{\"type\":\"leave\",\"room_id\":1,\"wechat_user_space_id\":2,\"session_id\":5}"),
                        "events[0].session_id ", "string"),
                ingestCase("at in milliseconds", events(beat(1, 2, "s", AT * 1000)), "events[0].at ", "milliseconds"),
                ingestCase("at an hour ahead", events(beat(1, 2, "s", Instant.now().getEpochSecond() + 3600)),
                        "events[0].at ", "ahead"),
                ingestCase("mode unknown", events(good.replace("\"type\"", "\"mode\":\"vr\",\"type\"")),
                        "events[0].mode "),
                ingestCase("third_wechat_info a string",
                        events(good.replace("\"type\"", "\"third_wechat_info\":\"o1\",\"type\"")),
                        "events[0].third_wechat_info "),
                ingestCase("channel_id a word",
                        events(good.replace("\"type\"", "\"channel_info\":{\"channel_id\":\"x\"},\"type\"")),
                        "events[0].channel_info.channel_id "),
                ingestCase("ip a host name",
                        events(good.replace("\"type\"", "\"ip\":\"example.com\",\"type\"")),
                        "events[0].ip ", "IPv4"),
                ingestCase("ip out of range",
                        events(good.replace("\"type\"", "\"ip\":\"256.1.1.1\",\"type\"")),
                        "events[0].ip "),
                ingestCase("a NUL in a name",
                        events(good.replace("\"type\"", "\"invited_name\":\"a\\u0000b\",\"type\"")),
                        "events[0].invited_name ", "NUL"),
                ingestCase("invited_name too long",
                        events(good.replace("\"type\"", "\"invited_name\":\"" + "n".repeat(257) + "\",\"type\"")),
                        "events[0].invited_name ", "256"),
                new Case("ingest as text/plain", "text/plain", events(good), 400, "Content-Type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIngests")
    void badIngestsAreRefusedWithThePathOfTheField(Case c) {
        TestAccount fresh = newAccount();
        assertError(post(INGEST_PATH, fresh.ingestKey(), c.contentType(), c.body()), c.status(), c.msg());
        JsonNode data = assertSuccess(list(fresh.readKey(), CANONICAL));
        assertThat(data.get("total").asLong()).as("records after a refused batch").isZero();
    }

    @Test
    void aBatchWithOneBadEventChangesNothing() {
        String goodBeat = beat(ROOMS[0], VIEWER, "s" + ROOMS[0], AT + 60);
        String badBeat = "{\"type\":\"heartbeat\",\"room_id\":" + ROOMS[0] + ",\"wechat_user_space_id\":-3,"
                + "\"session_id\":\"x\"}";
        assertError(post(INGEST_PATH, account.ingestKey(), JSON_TYPE, events(goodBeat, badBeat)), 400,
                "events[1].wechat_user_space_id ", "negative");
        assertThat(assertSuccess(list(account.readKey(), CANONICAL))).isEqualTo(canonical);

        // The good event alone would have changed the data, so the check above can fail.
        TestAccount twin = newAccount();
        ingest(twin.ingestKey(), events(enter(ROOMS[0], VIEWER, "s" + ROOMS[0], AT, "v1"),
                beat(ROOMS[0], VIEWER, "s" + ROOMS[0], AT + 30)));
        assertThat(ingest(twin.ingestKey(), events(goodBeat)).get("applied").asInt()).isEqualTo(1);
        JsonNode after = assertSuccess(list(twin.readKey(), CANONICAL));
        assertThat(after.get("list").get(0).get("stay_duration").asLong()).isEqualTo(60);
    }

    // ---- requests Spring never sees the way they were meant ----

    @Test
    void anAcceptHeaderForHtmlStillGetsJson() {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + account.readKey(),
                "Content-Type", JSON_TYPE, "Accept", "text/html");
        assertSuccess(send("POST", LIST_PATH, headers, CANONICAL.getBytes(StandardCharsets.UTF_8)));
        assertError(send("POST", LIST_PATH, headers, "{}".getBytes(StandardCharsets.UTF_8)), 400, "page");
    }

    @Test
    void aMultipartUploadIsABadContentTypeNotAServerError() {
        String boundary = "b0undary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n"
                + "x".repeat(2_000_000) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        assertError(send("POST", LIST_PATH, Map.of("Authorization", "Bearer " + account.readKey(),
                "Content-Type", "multipart/form-data; boundary=" + boundary), body), 400, "Content-Type");
    }

    @Test
    void requestsTomcatRefusesItselfGetTheErrorBodyNotAnHtmlPage() throws Exception {
        for (String target : List.of("/Api/a|b", "/Api/a%2Fb", "/Api/{x}")) {
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json")
                        .contains("{\"code\":400,\"msg\":").doesNotContainIgnoringCase("<html");
            }
        }
    }

    // ---- methods, paths, keys ----

    @Test
    void wrongMethodIs405() {
        Reply get = send("GET", LIST_PATH, Map.of("Authorization", "Bearer " + account.readKey()), null);
        assertError(get, 405, "POST", "GET");
        Reply delete = send("DELETE", INGEST_PATH,
                Map.of("Authorization", "Bearer " + account.ingestKey()), null);
        assertError(delete, 405, "POST");
    }

    @Test
    void unknownPathIs404() {
        assertError(post("/Api/RoomRounds/getAccountUserDurationList/3.0.0", account.readKey(), JSON_TYPE, CANONICAL),
                404, "getAccountUserDurationList/3.0.0");
        assertError(send("GET", "/nothing/here", Map.of(), null), 404, "/nothing/here");
        // "/" leads to the console (console/ConsoleServingTest); a path beside the console's files is still a 404
        assertError(send("GET", "/console/no-such-page", Map.of(), null), 404, "/console/no-such-page");
        assertError(send("GET", "/error", Map.of(), null), 404, "/error");
        assertError(post("/error", null, JSON_TYPE, CANONICAL), 404, "/error");
        assertError(post("/ingest/v2/events", account.ingestKey(), JSON_TYPE, "{}"), 404, "/ingest/v2/events");
    }

    @Test
    void missingOrBadKeysAre401() {
        assertError(post(LIST_PATH, null, JSON_TYPE, CANONICAL), 401, "Authorization");
        assertError(post(INGEST_PATH, null, JSON_TYPE, "{}"), 401, "Authorization");
        assertError(post(LIST_PATH, "garbage", JSON_TYPE, CANONICAL), 401, "key");
        assertError(post(LIST_PATH, "wt_" + "A".repeat(43), JSON_TYPE, CANONICAL), 401, "key");
        assertError(send("POST", LIST_PATH, Map.of("Authorization", "Basic dXNlcjpwYXNz",
                "Content-Type", JSON_TYPE), CANONICAL.getBytes(StandardCharsets.UTF_8)), 401, "Bearer");
        ApiKeys.CreatedKey revoked = apiKeys.create(account.id(), Scope.READ, "to revoke");
        assertSuccess(list(revoked.secret(), CANONICAL));
        assertThat(apiKeys.revoke(revoked.info().id())).isTrue();
        assertError(list(revoked.secret(), CANONICAL), 401, "revoked");
    }

    @Test
    void keysWithoutTheScopeAre403() {
        assertError(post(INGEST_PATH, account.readKey(), JSON_TYPE, events(beat(1, 2, "s", AT))), 403, "ingest");
        assertError(list(account.ingestKey(), CANONICAL), 403, "read");
        assertThat(assertSuccess(list(account.readKey(), CANONICAL)).get("total").asLong())
                .as("nothing was ingested with the read key").isEqualTo(3);
        assertThat(assertSuccess(list(account.adminKey(), CANONICAL))).isEqualTo(canonical);
    }

    // ---- helpers ----

    private static Case query(String name, String body, String... msg) {
        return new Case(name, JSON_TYPE, body, msg.length == 0 ? 200 : 400, msg);
    }

    private static Case ingestCase(String name, String body, String... msg) {
        return new Case(name, JSON_TYPE, body, 400, msg);
    }

    /** The canonical request with one field set to a raw JSON value. */
    /** A cursor as this server issues it, for CANONICAL's filter in the given order. */
    private static String cursorOf(String sort) {
        return Cursors.encode(new Filter(1, 0, 0, 0), Sort.valueOf(sort.toUpperCase(Locale.ROOT)), new Position(1, 2, 3));
    }

    private static String with(String field, String rawValue) {
        return with(CANONICAL, field, rawValue);
    }

    private static String with(String body, String field, String rawValue) {
        Map<String, String> fields = fields(body);
        fields.put(field, rawValue);
        return toJson(fields);
    }

    private static String without(String field) {
        Map<String, String> fields = fields(CANONICAL);
        fields.remove(field);
        return toJson(fields);
    }

    /** The top-level fields of a flat object, as raw JSON text. */
    private static Map<String, String> fields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        JSON.readTree(body).properties().forEach(e -> fields.put(e.getKey(), e.getValue().toString()));
        return fields;
    }

    private static String toJson(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    private static String events(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static String enter(long room, long viewer, String session, long at, String name) {
        return "{\"type\":\"enter\",\"room_id\":" + room + ",\"wechat_user_space_id\":" + viewer + ",\"session_id\":\""
                + session + "\",\"at\":" + at + ",\"wechat_user_name\":\"" + name + "\"}";
    }

    private static String beat(long room, long viewer, String session, long at) {
        return "{\"type\":\"heartbeat\",\"room_id\":" + room + ",\"wechat_user_space_id\":" + viewer
                + ",\"session_id\":\"" + session + "\",\"at\":" + at + "}";
    }

    private static List<Long> rooms(JsonNode data) {
        return data.findValues("room_id").stream().map(JsonNode::asLong).toList();
    }
}
