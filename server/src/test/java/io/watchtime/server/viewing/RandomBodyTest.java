package io.watchtime.server.viewing;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.HttpTest;
import io.watchtime.server.support.Replies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;

/**
 * Random bodies of every shape, over real HTTP, at both endpoints: the server never answers 5xx, and
 * every answer is the contract's envelope without a stack trace or an HTML page. jqwik does not run
 * Spring's JUnit extension, so each property joins the shared server (Spring's context cache, same
 * configuration as every other {@link HttpTest}) through a {@link TestContextManager}.
 */
class RandomBodyTest extends HttpTest {

    private static final List<String> QUERY_FIELDS = List.of("page", "page_size", "sort", "update_time_start",
            "update_time_end", "wechat_user_space_id");
    private static final List<String> EVENT_FIELDS = List.of("type", "room_id", "round_id", "wechat_user_space_id",
            "session_id", "at", "mode", "ip", "user_agent", "wechat_user_name", "wechat_user_photo", "third_uuid",
            "third_wechat_info", "channel_info", "invited_wechat_user_space_id", "invited_name");
    private static final List<String> EVENT_TYPES = List.of("enter", "heartbeat", "leave", "room_start", "room_end");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/*",
            ";;", "application/json; charset=nonsense");

    private TestAccount account;

    /** A request body and its Content-Type; printed readably when a property fails. */
    record Body(String contentType, byte[] bytes) {
        static Body json(String text) {
            return new Body("application/json", text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return contentType + " " + (text.length() > 300 ? text.substring(0, 300) + "... (" + bytes.length
                    + " bytes, hex head " + HexFormat.of().formatHex(bytes, 0, Math.min(32, bytes.length)) + ")" : text);
        }
    }

    @BeforeProperty
    void joinTheSharedServer() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        account = newAccount();
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE) // the generators hold their own edge values
    void theQueryEndpointNeverFails(@ForAll("queryBodies") Body body) {
        Reply reply = send(LIST_PATH, account.readKey(), body);
        JsonNode json = checked(reply);
        if (reply.status() == 200) {
            assertThat(Replies.fieldNames(json.get("data"))).containsExactly("total", "list");
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE) // the generators hold their own edge values
    void theIngestEndpointNeverFails(@ForAll("ingestBodies") Body body) {
        Reply reply = send(INGEST_PATH, account.ingestKey(), body);
        checked(reply);
        if (reply.status() == 200) {
            // What was stored must come out again as the contract says.
            Reply listed = list(account.readKey(), "{\"page\":1,\"page_size\":500,\"sort\":\"desc\"}");
            JsonNode data = Replies.assertSuccess(listed);
            for (JsonNode item : data.get("list")) {
                assertThat(item.get("stay_duration").asLong()).as(item.toString())
                        .isGreaterThanOrEqualTo(item.get("live_duration").asLong() + item.get("playback_duration").asLong());
                item.properties().forEach(e -> assertThat(e.getValue().isNull()).as(e.getKey()).isFalse());
            }
        }
    }

    // ---- the bodies ----

    @Provide
    Arbitrary<Body> queryBodies() {
        Arbitrary<String> fields = knownFields(QUERY_FIELDS, List.of("page", "page_size", "sort"), this::queryValue);
        return Arbitraries.frequencyOf(
                Tuple.of(12, fields.map(Body::json)),
                Tuple.of(2, json(3).map(Body::json)),
                Tuple.of(1, deepNesting().map(Body::json)),
                Tuple.of(1, randomBytes()),
                Tuple.of(1, withContentType(fields)));
    }

    @Provide
    Arbitrary<Body> ingestBodies() {
        Arbitrary<String> events = knownFields(EVENT_FIELDS, List.of("type", "room_id", "wechat_user_space_id",
                "session_id"), this::eventValue).list().ofMinSize(1).ofMaxSize(5)
                .map(list -> "[" + String.join(",", list) + "]");
        Arbitrary<String> batch = Arbitraries.frequencyOf(
                Tuple.of(12, events),
                Tuple.of(1, json(2))).map(e -> "{\"events\":" + e + "}");
        return Arbitraries.frequencyOf(
                Tuple.of(12, batch.map(Body::json)),
                Tuple.of(1, json(3).map(Body::json)),
                Tuple.of(1, deepNesting().map(d -> Body.json("{\"events\":[{\"type\":\"enter\",\"ip\":" + d + "}]}"))),
                Tuple.of(1, randomBytes()),
                Tuple.of(1, withContentType(batch)));
    }

    /**
     * An object with the known fields, each usually valid, sometimes wrong or absent (required ones rarely),
     * and now and then an unknown field.
     */
    private Arbitrary<String> knownFields(List<String> fields, List<String> required,
                                          Function<String, Arbitrary<String>> value) {
        List<Arbitrary<String>> members = new ArrayList<>();
        for (String field : fields) {
            members.add(value.apply(field).map(v -> quote(field) + ":" + v)
                    .injectNull(required.contains(field) ? 0.005 : 0.4));
        }
        members.add(Combinators.combine(jsonString(), json(1)).as((k, v) -> k + ":" + v).injectNull(0.8));
        return Combinators.combine(members).as(parts -> "{" + String.join(",",
                parts.stream().filter(p -> p != null).toList()) + "}");
    }

    private Arbitrary<String> queryValue(String field) {
        long now = Instant.now().getEpochSecond();
        return switch (field) {
            case "sort" -> mostly(Arbitraries.of("\"asc\"", "\"desc\"", "\" DESC \"", "\"Asc\""),
                    Arbitraries.of("\"\"", "\"up\"", "\"ascending\""));
            case "page", "page_size" -> mostly(Arbitraries.oneOf(
                            Arbitraries.integers().between(1, 500).map(String::valueOf),
                            Arbitraries.integers().between(1, 500).map(i -> "\"" + i + "\"")),
                    Arbitraries.of("0", "-1", "501", "\"\"", "1.5"));
            default -> mostly(Arbitraries.oneOf(Arbitraries.longs().between(0, now).map(String::valueOf),
                            Arbitraries.of("0", "\"0\"", "null", "\"" + now + "\"")),
                    Arbitraries.of("1700000000000", "-1", "\"soon\""));
        };
    }

    private Arbitrary<String> eventValue(String field) {
        long now = Instant.now().getEpochSecond();
        return switch (field) {
            case "type" -> mostly(Arbitraries.oneOf(Arbitraries.of(EVENT_TYPES).map(RandomBodyTest::quote),
                            Arbitraries.of("\"ENTER\"", "\" Heartbeat \"", "\"ROOM_START\"")),
                    Arbitraries.of("\"pause\"", "\"room start\""));
            case "room_id", "wechat_user_space_id" -> mostly(Arbitraries.longs().between(1, 4).map(String::valueOf),
                    Arbitraries.of("0", "\"x\""));
            case "round_id" -> mostly(Arbitraries.longs().between(1, 4).map(String::valueOf),
                    Arbitraries.of("0", "\"x\""));
            case "invited_wechat_user_space_id" -> mostly(Arbitraries.longs().between(0, 4).map(String::valueOf),
                    Arbitraries.of("-1", "\"x\""));
            case "at" -> mostly(Arbitraries.longs().between(now - 3_600, now).map(String::valueOf),
                    Arbitraries.of(String.valueOf(now + 3_600), String.valueOf(now * 1000)));
            case "mode" -> mostly(Arbitraries.of("\"live\"", "\"playback\"", "\"preview\"", "\"LIVE\"", "\" Playback \""),
                    Arbitraries.of("\"\"", "\"vod\""));
            case "session_id" -> mostly(Arbitraries.oneOf(Arbitraries.of("\"s1\"", "\"s2\""), shortString()),
                    Arbitraries.of("\"\"", "\" \"", "\"" + "s".repeat(129) + "\""));
            case "ip" -> mostly(Arbitraries.of("\"123.52.16.175\"", "\"220.184.19.51\"", "\"8.8.8.8\"",
                    "\"192.168.1.10\"", "\"::1\"", "\"999.1.1.1\"", "\"1.2.3\"", "\" 1.2.3.4 \"", "\"\""),
                    shortString());
            case "third_wechat_info" -> mostly(knownFields(List.of("authorizer_appid", "openid", "unionid"), List.of(),
                    f -> mostly(shortString(), longString())), Arbitraries.of("\"x\"", "[]"));
            case "channel_info" -> mostly(knownFields(List.of("channel_id", "channel_name", "store_id"), List.of(),
                            f -> f.equals("channel_id") ? mostly(Arbitraries.longs().between(0, 5).map(String::valueOf),
                                    Arbitraries.of("-1", "\"x\"")) : mostly(shortString(), longString())),
                    Arbitraries.of("\"x\"", "[]"));
            default -> mostly(shortString(), longString());
        };
    }

    /** Usually one of the valid values; else a wrong one, or any JSON at all. */
    private Arbitrary<String> mostly(Arbitrary<String> valid, Arbitrary<String> invalid) {
        return Arbitraries.frequencyOf(Tuple.of(60, valid), Tuple.of(1, invalid), Tuple.of(1, number()),
                Tuple.of(1, json(2)), Tuple.of(1, Arbitraries.of("\"\\x41\"", "\"\\u12\"", "'single'", "NaN", "01", "+1",
                        "\"unterminated")));
    }

    /** Any JSON value, nested up to {@code depth} levels. */
    private Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(number(), jsonString(), Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = json(depth - 1);
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Combinators.combine(jsonString(), inner).as((k, v) -> k + ":" + v)
                .list().ofMaxSize(4).map(l -> "{" + String.join(",", l) + "}");
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    /** Ordinary, huge, tiny and strange numbers. */
    private static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("Infinity") && !d.contains("NaN")),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)),
                        new java.math.BigInteger("1" + "0".repeat(40))).map(String::valueOf),
                Arbitraries.of("9223372036854775807", "9223372036854775808", "-9223372036854775809",
                        "18446744073709551616", "1e400", "-1e400", "1E-400", "-0", "0.0", "1.0", "1e2", "2147483648",
                        "9999999999", "10000000000", "1" + "0".repeat(999), "1" + "0".repeat(1500),
                        "0." + "1".repeat(2000)));
    }

    /** JSON string literals of any kind. */
    private static Arbitrary<String> jsonString() {
        return Arbitraries.oneOf(shortString(), longString());
    }

    /** Short JSON string literals: any characters, Chinese and emoji, escaped lone surrogates and control characters. */
    private static Arbitrary<String> shortString() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40).map(RandomBodyTest::quote),
                Arbitraries.strings().withCharRange('\u4e00', '\u4e20').withChars("😀 \"\\/\n").ofMaxLength(20)
                        .map(RandomBodyTest::quote),
                Arbitraries.of("\"\\ud800\"", "\"a\\udc00b\"", "\"\\u0000\"", "\"\\uFFFF\"",
                        "\"1\"", "\"-1\"", "\" 12 \"", "\"1.0\"", "\"\""));
    }

    private static Arbitrary<String> longString() {
        return Arbitraries.strings().ascii().ofMinLength(200).ofMaxLength(1100).map(RandomBodyTest::quote);
    }

    /** Arrays or objects nested far deeper than any real request. */
    private static Arbitrary<String> deepNesting() {
        return Arbitraries.integers().between(100, 5_000).flatMap(depth -> Arbitraries.of(
                "[".repeat(depth) + "]".repeat(depth),
                "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                "{\"page\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
                "[".repeat(depth)));
    }

    private static Arbitrary<Body> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000).map(b -> new Body("application/json", b));
    }

    private static Arbitrary<Body> withContentType(Arbitrary<String> bodies) {
        return Combinators.combine(Arbitraries.of(CONTENT_TYPES), bodies)
                .as((type, text) -> new Body(type, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A JSON string literal for any Java string; escapes what JSON requires and, as \\u, what UTF-8 cannot carry. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))))) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    // ---- the checks ----

    private Reply send(String path, String key, Body body) {
        return send("POST", path, Map.of("Authorization", "Bearer " + key,
                "Content-Type", body.contentType()), body.bytes());
    }

    /** Never 5xx; always the envelope (Replies checks: JSON, code = status, no stack trace, no HTML). */
    private static JsonNode checked(Reply reply) {
        Statistics.label("HTTP status").collect(reply.status());
        assertThat(reply.status()).as(reply.raw().body()).isBetween(200, 499);
        JsonNode json = Replies.assertEnvelope(reply);
        if (reply.status() == 200) {
            assertThat(json.get("msg").stringValue()).isEqualTo("Success");
            assertThat(json.get("data").isObject()).isTrue();
        } else {
            assertThat(json.get("data").isNull()).as(reply.raw().body()).isTrue();
            assertThat(json.get("msg").stringValue()).isNotBlank();
        }
        return json;
    }
}
