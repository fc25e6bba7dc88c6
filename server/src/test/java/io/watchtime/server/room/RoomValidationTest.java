package io.watchtime.server.room;

import static io.watchtime.server.support.Replies.assertError;
import static io.watchtime.server.support.Replies.assertSuccess;

import io.watchtime.protocol.Paths;
import io.watchtime.server.support.HttpTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every room endpoint, bad values in the seed's table style: 400 naming the field, the error
 * envelope; the keys' rules as the seed API has them (401 without a valid key, 403 for an ingest-only key, admin
 * allowed); the body rules (content type, size) through the same reader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoomValidationTest extends HttpTest {

    static final String JSON_TYPE = "application/json";
    static final String ROOM_LIST = "{\"room_id\":1,\"room_rounds_id\":0,\"page\":1,\"page_size\":10,\"sort\":\"desc\"}";
    static final String ROOM = "{\"room_id\":1}";
    static final String ROOMS = "{\"page\":1,\"page_size\":10}";
    static final String RANKING = "{\"room_id\":1,\"by\":\"province\"}";
    static final String TREND = "{\"days\":7}";
    /** Each endpoint with a good body. */
    static final Map<String, String> GOOD = new LinkedHashMap<>();

    static {
        GOOD.put(Paths.ROOM_DURATION_LIST, ROOM_LIST);
        GOOD.put(Paths.DEVICE_STATS, ROOM);
        GOOD.put(Paths.ROOM_LIST, ROOMS);
        GOOD.put(Paths.ROOM_SUMMARY, ROOM);
        GOOD.put(Paths.ONLINE_SERIES, ROOM);
        GOOD.put(Paths.ROOM_RANKING, RANKING);
        GOOD.put(Paths.ACCOUNT_TREND, TREND);
    }

    private TestAccount account;

    record Case(String path, String name, String body, String... msg) {
        @Override
        public String toString() {
            return path.substring(path.indexOf('/', 5) + 1) + " " + name + " -> 400 " + Arrays.toString(msg);
        }
    }

    @BeforeAll
    void anAccount() {
        account = newAccount();
    }

    static Stream<Case> badBodies() {
        String list = Paths.ROOM_DURATION_LIST;
        String series = Paths.ONLINE_SERIES;
        String ranking = Paths.ROOM_RANKING;
        String rooms = Paths.ROOM_LIST;
        String trend = Paths.ACCOUNT_TREND;
        Stream<Case> perEndpoint = Stream.of(
                // getRoomUserDurationList: room_id, room_rounds_id, then the seed's fields with the seed's rules
                new Case(list, "room_id missing", without(ROOM_LIST, "room_id"), "room_id ", "required"),
                new Case(list, "room_id 0", with(ROOM_LIST, "room_id", "0"), "room_id ", "at least 1"),
                new Case(list, "room_id -1", with(ROOM_LIST, "room_id", "-1"), "room_id ", "negative"),
                new Case(list, "room_id \"x\"", with(ROOM_LIST, "room_id", "\"x\""), "room_id ", "integer"),
                new Case(list, "room_id 1.5", with(ROOM_LIST, "room_id", "1.5"), "room_id ", "integer"),
                new Case(list, "room_id beyond int64", with(ROOM_LIST, "room_id", "9223372036854775808"), "room_id ",
                        "int64"),
                new Case(list, "room_rounds_id missing", without(ROOM_LIST, "room_rounds_id"), "room_rounds_id ",
                        "required"),
                new Case(list, "room_rounds_id -1", with(ROOM_LIST, "room_rounds_id", "-1"), "room_rounds_id ",
                        "negative"),
                new Case(list, "room_rounds_id true", with(ROOM_LIST, "room_rounds_id", "true"), "room_rounds_id ",
                        "integer"),
                new Case(list, "page missing", without(ROOM_LIST, "page"), "page ", "required"),
                new Case(list, "page 0", with(ROOM_LIST, "page", "0"), "page ", "at least 1"),
                new Case(list, "page_size 0", with(ROOM_LIST, "page_size", "0"), "page_size ", "at least 1"),
                new Case(list, "page_size 501", with(ROOM_LIST, "page_size", "501"), "page_size ", "at most 500"),
                new Case(list, "sort missing", without(ROOM_LIST, "sort"), "sort ", "required"),
                new Case(list, "sort \"up\"", with(ROOM_LIST, "sort", "\"up\""), "sort ", "\"up\""),
                new Case(list, "start milliseconds", with(ROOM_LIST, "update_time_start", "1700000000000"),
                        "update_time_start ", "milliseconds"),
                new Case(list, "end a word", with(ROOM_LIST, "update_time_end", "\"now\""), "update_time_end ",
                        "integer"),
                new Case(list, "start after end", with(with(ROOM_LIST, "update_time_start", "1700000100"),
                        "update_time_end", "1700000000"), "update_time_start ", "update_time_end "),
                new Case(list, "viewer -1", with(ROOM_LIST, "wechat_user_space_id", "-1"), "wechat_user_space_id ",
                        "negative"),
                // getOnlineSeries: start, end (unix seconds), at most 7 days
                new Case(series, "start negative", with(ROOM, "start", "-1"), "start ", "negative"),
                new Case(series, "start milliseconds", with(ROOM, "start", "1700000000000"), "start ", "milliseconds"),
                new Case(series, "end a word", with(ROOM, "end", "\"today\""), "end ", "integer"),
                new Case(series, "start after end", with(with(ROOM, "start", "1700000100"), "end", "1700000000"),
                        "start ", "end "),
                new Case(series, "over 7 days", with(with(ROOM, "start", "1700000000"), "end", "1700604801"), "end ",
                        "7 days"),
                // getRoomRanking: by, limit
                new Case(ranking, "by missing", without(RANKING, "by"), "by ", "required"),
                new Case(ranking, "by \"city\"", with(RANKING, "by", "\"city\""), "by ", "\"city\""),
                new Case(ranking, "by 1", with(RANKING, "by", "1"), "by ", "province"),
                new Case(ranking, "limit 0", with(RANKING, "limit", "0"), "limit ", "at least 1"),
                new Case(ranking, "limit 101", with(RANKING, "limit", "101"), "limit ", "at most 100"),
                new Case(ranking, "limit \"ten\"", with(RANKING, "limit", "\"ten\""), "limit ", "integer"),
                // getRoomList: page, page_size 1..100, status
                new Case(rooms, "page missing", without(ROOMS, "page"), "page ", "required"),
                new Case(rooms, "page 0", with(ROOMS, "page", "0"), "page ", "at least 1"),
                new Case(rooms, "page_size missing", without(ROOMS, "page_size"), "page_size ", "required"),
                new Case(rooms, "page_size 101", with(ROOMS, "page_size", "101"), "page_size ", "at most 100"),
                new Case(rooms, "status \"paused\"", with(ROOMS, "status", "\"paused\""), "status ", "\"paused\""),
                new Case(rooms, "status []", with(ROOMS, "status", "[]"), "status ", "live"),
                // getAccountTrend: days 1..90
                new Case(trend, "days 0", with(TREND, "days", "0"), "days ", "at least 1"),
                new Case(trend, "days 91", with(TREND, "days", "91"), "days ", "at most 90"),
                new Case(trend, "days 1.5", with(TREND, "days", "1.5"), "days ", "integer"));
        // room_id, the same on every one-room endpoint
        Stream<Case> roomIds = Stream.of(Paths.DEVICE_STATS, Paths.ROOM_SUMMARY, series, ranking).flatMap(path -> Stream.of(
                new Case(path, "room_id missing", without(GOOD.get(path), "room_id"), "room_id ", "required"),
                new Case(path, "room_id 0", with(GOOD.get(path), "room_id", "0"), "room_id ", "at least 1"),
                new Case(path, "room_id \"abc\"", with(GOOD.get(path), "room_id", "\"abc\""), "room_id ", "integer"),
                new Case(path, "room_id {}", with(GOOD.get(path), "room_id", "{}"), "room_id ", "integer")));
        // the body, the same on all
        Stream<Case> bodies = GOOD.keySet().stream().flatMap(path -> Stream.of(
                new Case(path, "body []", "[]", "JSON object"),
                new Case(path, "empty body", "", "empty"),
                new Case(path, "malformed JSON", "{\"room_id\":1,", "malformed JSON")));
        return Stream.of(perEndpoint, roomIds, bodies).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badValuesAreRefusedWithTheFieldNamed(Case c) {
        assertError(post(c.path(), account.readKey(), JSON_TYPE, c.body()), 400, c.msg());
    }

    static Stream<Case> acceptedBodies() {
        return Stream.of(
                new Case(Paths.ROOM_DURATION_LIST, "integers as strings", "{\"room_id\":\"1\",\"room_rounds_id\":\"3\","
                        + "\"page\":\"1\",\"page_size\":\"10\",\"sort\":\" ASC \"}"),
                new Case(Paths.ROOM_DURATION_LIST, "a cursor is an unknown field here", with(ROOM_LIST, "cursor", "\"\"")),
                new Case(Paths.ROOM_LIST, "status null", with(ROOMS, "status", "null")),
                new Case(Paths.ROOM_LIST, "status \" Live \"", with(ROOMS, "status", "\" Live \"")),
                new Case(Paths.ONLINE_SERIES, "start = end", with(with(ROOM, "start", "1700000000"), "end", "1700000000")),
                new Case(Paths.ONLINE_SERIES, "exactly 7 days", with(with(ROOM, "start", "1700000000"), "end",
                        "1700604800")),
                new Case(Paths.ONLINE_SERIES, "start and end 0", with(with(ROOM, "start", "0"), "end", "\"0\"")),
                new Case(Paths.ROOM_RANKING, "limit 100", with(RANKING, "limit", "100")),
                new Case(Paths.ACCOUNT_TREND, "no days", "{}"),
                new Case(Paths.ACCOUNT_TREND, "days 90", "{\"days\":\"90\"}"),
                new Case(Paths.DEVICE_STATS, "unknown fields", "{\"room_id\":1,\"x\":[1,{}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedBodies")
    void acceptedFormsAnswer(Case c) {
        assertSuccess(post(c.path(), account.readKey(), JSON_TYPE, c.body()));
    }

    @Test
    void keysAsForTheSeedApi() {
        for (Map.Entry<String, String> endpoint : GOOD.entrySet()) {
            String path = endpoint.getKey();
            String body = endpoint.getValue();
            assertError(post(path, null, JSON_TYPE, body), 401, "Authorization");
            assertError(post(path, "wt_" + "A".repeat(43), JSON_TYPE, body), 401, "key");
            assertError(post(path, account.ingestKey(), JSON_TYPE, body), 403, "read");
            assertSuccess(post(path, account.readKey(), JSON_TYPE, body));
            assertSuccess(post(path, account.adminKey(), JSON_TYPE, body));
        }
    }

    @Test
    void bodiesAsForTheSeedApi() {
        for (Map.Entry<String, String> endpoint : GOOD.entrySet()) {
            String path = endpoint.getKey();
            assertError(post(path, account.readKey(), "text/plain", endpoint.getValue()), 400, "Content-Type");
            assertError(post(path, account.readKey(), JSON_TYPE, with(endpoint.getValue(), "padding",
                    "\"" + "x".repeat(70_000) + "\"")), 413, "larger than");
            assertError(send("GET", path, Map.of("Authorization", "Bearer " + account.readKey()), null), 405, "POST");
            assertSuccess(post(path, account.readKey(), "application/json; charset=utf-8", endpoint.getValue()));
            assertSuccess(send("POST", path, Map.of("Authorization", "Bearer " + account.readKey(), "Content-Type",
                    JSON_TYPE, "Accept", "text/html"), endpoint.getValue().getBytes(StandardCharsets.UTF_8)));
        }
    }

    // ---- helpers: a flat body with one field set to raw JSON, or left out ----

    private static String with(String body, String field, String rawValue) {
        Map<String, String> fields = fields(body);
        fields.put(field, rawValue);
        return toJson(fields);
    }

    private static String without(String body, String field) {
        Map<String, String> fields = fields(body);
        fields.remove(field);
        return toJson(fields);
    }

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
}
