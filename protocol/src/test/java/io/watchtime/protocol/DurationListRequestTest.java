package io.watchtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every rule of the seed request that needs no server: each bad value is refused with the field named. */
class DurationListRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CANONICAL = "{\"page\":1,\"page_size\":10,\"sort\":\"desc\"}";

    record Bad(String name, String body, String... msg) {
        @Override
        public String toString() {
            return name + " -> " + Arrays.toString(msg);
        }
    }

    record Good(String name, String body, DurationListRequest expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> refused() {
        return Stream.of(
                new Bad("page missing", without("page"), "page ", "required"),
                new Bad("page null", with("page", "null"), "page ", "required"),
                new Bad("page 0", with("page", "0"), "page ", "at least 1"),
                new Bad("page -1", with("page", "-1"), "page ", "negative"),
                new Bad("page \"-1\"", with("page", "\"-1\""), "page ", "negative"),
                new Bad("page 1.5", with("page", "1.5"), "page ", "integer"),
                new Bad("page 1.0", with("page", "1.0"), "page ", "integer"),
                new Bad("page 1e2", with("page", "1e2"), "page ", "integer"),
                new Bad("page \"abc\"", with("page", "\"abc\""), "page ", "integer"),
                new Bad("page \"1.0\"", with("page", "\"1.0\""), "page ", "integer"),
                new Bad("page \"\"", with("page", "\"\""), "page ", "integer"),
                new Bad("page \"0x10\"", with("page", "\"0x10\""), "page ", "integer"),
                new Bad("page true", with("page", "true"), "page ", "integer"),
                new Bad("page {}", with("page", "{}"), "page ", "integer"),
                new Bad("page []", with("page", "[]"), "page ", "integer"),
                new Bad("page beyond int64", with("page", "99999999999999999999"), "page ", "int64"),
                new Bad("page \"beyond int64\"", with("page", "\"99999999999999999999\""), "page ", "int64"),
                new Bad("page beyond the last page", with("page", "2147483648"), "page ", "at most"),
                new Bad("page_size missing", without("page_size"), "page_size ", "required"),
                new Bad("page_size 0", with("page_size", "0"), "page_size ", "at least 1"),
                new Bad("page_size 501", with("page_size", "501"), "page_size ", "at most 500"),
                new Bad("page_size \"x\"", with("page_size", "\"x\""), "page_size ", "integer"),
                new Bad("page_size 10.0", with("page_size", "10.0"), "page_size ", "integer"),
                new Bad("sort missing", without("sort"), "sort ", "required"),
                new Bad("sort null", with("sort", "null"), "sort ", "required"),
                new Bad("sort \"up\"", with("sort", "\"up\""), "sort ", "\"up\""),
                new Bad("sort \"\"", with("sort", "\"\""), "sort ", "asc"),
                new Bad("sort 1", with("sort", "1"), "sort ", "asc"),
                new Bad("sort [\"asc\"]", with("sort", "[\"asc\"]"), "sort ", "asc"),
                new Bad("start negative", with("update_time_start", "-1"), "update_time_start ", "negative"),
                new Bad("start fraction", with("update_time_start", "1700000000.5"), "update_time_start ", "integer"),
                new Bad("start word", with("update_time_start", "\"yesterday\""), "update_time_start ", "integer"),
                new Bad("start milliseconds", with("update_time_start", "1700000000000"), "update_time_start ",
                        "milliseconds"),
                new Bad("end negative", with("update_time_end", "\"-5\""), "update_time_end ", "negative"),
                new Bad("end boolean", with("update_time_end", "false"), "update_time_end ", "integer"),
                new Bad("end milliseconds", with("update_time_end", "\"1700000000000\""), "update_time_end ",
                        "milliseconds"),
                new Bad("start after end", with(with("update_time_start", "1700000100"), "update_time_end",
                        "1700000000"), "update_time_start ", "update_time_end "),
                new Bad("viewer -1", with("wechat_user_space_id", "-1"), "wechat_user_space_id ", "negative"),
                new Bad("viewer \"x\"", with("wechat_user_space_id", "\"x\""), "wechat_user_space_id ", "integer"),
                new Bad("viewer 1.5", with("wechat_user_space_id", "1.5"), "wechat_user_space_id ", "integer"),
                new Bad("viewer beyond int64", with("wechat_user_space_id", "9223372036854775808"),
                        "wechat_user_space_id ", "int64"),
                new Bad("cursor a number", with("cursor", "1"), "cursor ", "string"),
                new Bad("cursor an object", with("cursor", "{}"), "cursor ", "string"),
                new Bad("cursor too long", with("cursor", "\"" + "A".repeat(201) + "\""), "cursor ", "at most 200"),
                new Bad("cursor with a NUL", with("cursor", "\"a\\u0000b\""), "cursor ", "NUL"),
                new Bad("page two million digits", with("page", "\"" + "1".repeat(2_000_000) + "\""), "page ", "too long"),
                new Bad("viewer 21 digits", with("wechat_user_space_id", "\" " + "1".repeat(21) + " \""),
                        "wechat_user_space_id ", "too long"),
                new Bad("body an array", "[]", "JSON object"),
                new Bad("body a number", "1", "JSON object"),
                new Bad("body a string", "\"x\"", "JSON object"),
                new Bad("body null", "null", "JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badRequestsAreRefusedWithTheFieldNamed(Bad c) {
        assertThatThrownBy(() -> DurationListRequest.fromJson(JSON.readTree(c.body())))
                .isInstanceOf(InvalidRequestException.class)
                .message().contains(c.msg());
    }

    static Stream<Good> accepted() {
        DurationListRequest canonical = new DurationListRequest(1, 10, Sort.DESC, 0, 0, 0);
        return Stream.of(
                new Good("canonical", CANONICAL, canonical),
                new Good("integers as strings", "{\"page\":\"1\",\"page_size\":\"10\",\"sort\":\"desc\"}", canonical),
                new Good("integers as padded strings", "{\"page\":\" 1 \",\"page_size\":\"10\",\"sort\":\"desc\"}",
                        canonical),
                new Good("sort in capitals, padded", with("sort", "\" DESC \""), canonical),
                new Good("optional fields 0", with(with(with("update_time_start", "0"), "update_time_end", "0"),
                        "wechat_user_space_id", "0"), canonical),
                new Good("optional fields \"0\"", with(with(with("update_time_start", "\"0\""), "update_time_end",
                        "\"0\""), "wechat_user_space_id", "\"0\""), canonical),
                new Good("optional fields null", with(with(with("update_time_start", "null"), "update_time_end",
                        "null"), "wechat_user_space_id", "null"), canonical),
                new Good("unknown fields", with(with("account_id", "1"), "extra", "{\"nested\":[1,\"two\",null]}"),
                        canonical),
                new Good("cursor null is no cursor", with("cursor", "null"), canonical),
                new Good("cursor \"\" starts a walk", with("cursor", "\"\""), canonical.withCursor("")),
                new Good("every field", "{\"page\":\"3\",\"page_size\":500,\"sort\":\"asc\",\"update_time_start\":1,"
                        + "\"update_time_end\":\"9999999999\",\"wechat_user_space_id\":\"8756\"}",
                        new DurationListRequest(3, 500, Sort.ASC, 1, 9_999_999_999L, 8756)),
                new Good("start equal to end", with(with("update_time_start", "5"), "update_time_end", "5"),
                        new DurationListRequest(1, 10, Sort.DESC, 5, 5, 0)),
                new Good("start alone", with("update_time_start", "5"), new DurationListRequest(1, 10, Sort.DESC, 5, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedFormsMeanTheCanonicalRequest(Good c) {
        assertThat(DurationListRequest.fromJson(JSON.readTree(c.body()))).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "page {0}")
    @MethodSource("offsets")
    void theOffsetIsThePagesBefore(long page, int size, long offset) {
        assertThat(new DurationListRequest(page, size, Sort.ASC, 0, 0, 0).offset()).isEqualTo(offset);
    }

    static Stream<Arguments> offsets() {
        return Stream.of(Arguments.of(1, 10, 0),
                Arguments.of(3, 500, 1000),
                Arguments.of(DurationListRequest.MAX_PAGE, 500,
                        (DurationListRequest.MAX_PAGE - 1) * 500));
    }

    static String with(String field, String rawValue) {
        return with(CANONICAL, field, rawValue);
    }

    static String with(String body, String field, String rawValue) {
        ObjectNode node = (ObjectNode) JSON.readTree(body);
        node.set(field, JSON.readTree(rawValue));
        return node.toString();
    }

    static String without(String field) {
        ObjectNode node = (ObjectNode) JSON.readTree(CANONICAL);
        node.remove(field);
        return node.toString();
    }
}
