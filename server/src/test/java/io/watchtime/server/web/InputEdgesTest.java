package io.watchtime.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.HttpTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, item 5: the edges of what a client may send, over real HTTP. Words in any case; bytes that are not
 * UTF-8 a 400 naming the field; a body over the size limit a 413 the client can read. Every refusal is the
 * envelope and changes nothing.
 */
class InputEdgesTest extends HttpTest {

    private static final String QUERY = "{\"page\":1,\"page_size\":10,\"sort\":\"desc\"}";
    private static final long AT = 1_760_000_000L;
    private static final int INGEST_LIMIT = 8 * 1024 * 1024;

    /** A body with bytes that are not UTF-8 (hex, spliced where {@code %s} stands), and what the msg must say. */
    record BadBytes(String name, String path, String template, String hex, String... msg) {
        byte[] body() {
            String[] parts = template.split("%s", -1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
            out.writeBytes(HexFormat.of().parseHex(hex));
            out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return name + " -> " + Arrays.toString(msg);
        }
    }

    static Stream<BadBytes> notUtf8() {
        String enter = "{\"events\":[{\"type\":\"room_start\",\"room_id\":1,\"at\":" + AT + "},{\"type\":\"enter\","
                + "\"room_id\":1,\"wechat_user_space_id\":2,\"session_id\":\"s\",\"at\":" + AT;
        return Stream.of(
                new BadBytes("overlong slash in a name", INGEST_PATH, enter + ",\"wechat_user_name\":\"a%sb\"}]}", "c0af",
                        "events[1].wechat_user_name ", "not valid UTF-8", "0xC0"),
                new BadBytes("encoded surrogate in a session", INGEST_PATH, enter.replace("\"s\"", "\"s%s\"") + "}]}",
                        "eda080", "events[1].session_id ", "not valid UTF-8", "0xED"),
                new BadBytes("truncated sequence in a nested field", INGEST_PATH,
                        enter + ",\"channel_info\":{\"channel_id\":3,\"channel_name\":\"%s\"}}]}", "e4b8",
                        "events[1].channel_info.channel_name ", "not valid UTF-8"),
                new BadBytes("code point beyond U+10FFFF", INGEST_PATH, enter + ",\"invited_name\":\"%s\"}]}", "f4908080",
                        "events[1].invited_name ", "not valid UTF-8"),
                new BadBytes("a lone continuation byte in sort", LIST_PATH, "{\"page\":1,\"page_size\":10,\"sort\":\"%s\"}",
                        "80", "sort ", "not valid UTF-8", "0x80"),
                new BadBytes("Latin-1 in a field name", LIST_PATH, "{\"page\":1,\"page_size\":10,\"sort\":\"desc\",\"caf%s\":1}",
                        "e9", "request body is not valid UTF-8", "0xE9"),
                new BadBytes("truncated at the end of the body", LIST_PATH, QUERY + "%s", "f09f98",
                        "request body is not valid UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void bytesThatAreNotUtf8AreA400NamingTheField(BadBytes c) {
        TestAccount account = newAccount();
        String key = c.path().equals(INGEST_PATH) ? account.ingestKey() : account.readKey();

        Reply reply = send("POST", c.path(), Map.of("Authorization", "Bearer " + key,
                "Content-Type", "application/json"), c.body());

        assertError(reply, 400, c.msg());
        assertNothingStored(account);
    }

    @Test
    void wordsAreReadInAnyCase() {
        TestAccount account = newAccount();
        ingest(account.ingestKey(), "{\"events\":[{\"type\":\"ROOM_START\",\"room_id\":1,\"at\":" + AT + "},"
                + "{\"type\":\"Enter\",\"room_id\":1,\"wechat_user_space_id\":2,\"session_id\":\"s\",\"mode\":\"LIVE\","
                + "\"at\":" + (AT + 10) + "},{\"type\":\"HEARTBEAT\",\"room_id\":1,\"wechat_user_space_id\":2,"
                + "\"session_id\":\"s\",\"mode\":\" Live \",\"at\":" + (AT + 40) + "}]}");

        JsonNode item = list(account.readKey(), QUERY.replace("desc", "DESC")).json().get("data").get("list").get(0);
        assertThat(item.get("stay_duration").asLong()).isEqualTo(30);
        assertThat(item.get("live_duration").asLong()).isEqualTo(30);
    }

    @Test
    void anIngestBodyOverEightMebibytesIsA413TheClientReads() {
        TestAccount account = newAccount();
        byte[] body = oversizedBatch();

        assertError(send("POST", INGEST_PATH, Map.of("Authorization", "Bearer " + account.ingestKey(),
                "Content-Type", "application/json"), body), 413, "larger than " + INGEST_LIMIT + " bytes");
        assertNothingStored(account);
    }

    @Test
    void anOversizedBodyWithoutALengthIsA413Too() throws IOException {
        TestAccount account = newAccount();
        byte[] body = oversizedBatch();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + INGEST_PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + account.ingestKey() + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // The whole body first, then the answer: as a simple client does, which a cut connection would fail.
            for (int at = 0; at < body.length; at += 65_536) {
                int n = Math.min(65_536, body.length - at);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/json");
        }
        assertNothingStored(account);
    }

    @Test
    void aQueryBodyOverItsLimitIsA413() {
        TestAccount account = newAccount();
        String padded = QUERY.replace("}", ",\"padding\":\"" + "x".repeat(200_000) + "\"}");

        assertError(list(account.readKey(), padded), 413, "larger than 65536 bytes");
    }

    /** A valid batch of more than 8 MiB: valid all through, so only its size can refuse it. */
    private static byte[] oversizedBatch() {
        String event = "{\"type\":\"heartbeat\",\"room_id\":1,\"wechat_user_space_id\":2,\"session_id\":\"s\",\"at\":"
                + AT + ",\"pad\":\"" + "x".repeat(2_000) + "\"}";
        StringBuilder body = new StringBuilder("{\"events\":[").append(event);
        while (body.length() <= INGEST_LIMIT) {
            body.append(',').append(event);
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int b = in.read(); b >= 0 && !head.toString().endsWith("\r\n\r\n"); b = in.read()) {
            head.append((char) b);
        }
        return head.toString();
    }

    private void assertNothingStored(TestAccount account) {
        assertThat(list(account.readKey(), QUERY).json().get("data").get("total").asLong()).isZero();
    }

    /** The envelope with this status, {@code data} null, and a msg holding every fragment. */
    static void assertError(Reply reply, int status, String... msg) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
        JsonNode json = reply.json();
        assertThat(json.get("code").asInt()).isEqualTo(status);
        assertThat(json.get("data").isNull()).isTrue();
        assertThat(json.get("msg").stringValue()).contains(List.of(msg));
    }
}
