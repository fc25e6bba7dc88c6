package io.watchtime.server.viewing;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.Http;
import io.watchtime.server.support.HttpTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A client that sends {@code Accept-Encoding: gzip} gets a page gzipped, and it decodes to the very answer a
 * client without it gets; a client that does not ask (or refuses it with q=0) gets plain JSON with its length.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GzipTest extends HttpTest {

    private TestAccount account;

    @BeforeAll
    void writeRecords() {
        account = newAccount();
        long at = Instant.now().getEpochSecond() - 600;
        List<IngestEvent> events = new ArrayList<>();
        for (long room = 1; room <= 3; room++) {
            for (long viewer = 1; viewer <= 40; viewer++) {
                events.add(Events.enter(room, viewer, "s" + room + "-" + viewer, at, null));
            }
        }
        ingest(account.ingestKey(), Events.body(events));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"page\":1,\"page_size\":100,\"sort\":\"asc\"}", "{\"page\":2,\"page_size\":50,\"sort\":\"desc\"}",
            "{\"page\":1,\"page_size\":100,\"sort\":\"asc\",\"cursor\":\"\"}"})
    void aGzipRequestGetsTheSameAnswerGzipped(String request) throws Exception {
        HttpResponse<byte[]> plain = page(request, null);
        HttpResponse<byte[]> gzipped = page(request, "gzip, deflate");

        assertThat(plain.statusCode()).as(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValue("Content-Length")).contains(Integer.toString(plain.body().length));
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        byte[] decoded = gunzip(gzipped.body());
        assertThat(gzipped.body().length).isLessThan(decoded.length / 3);

        JsonNode expected = JSON.readTree(plain.body());
        assertThat(JSON.readTree(decoded)).isEqualTo(expected);
        assertThat(expected.get("data").get("list").size()).isGreaterThan(10);
        assertThat(new String(decoded, StandardCharsets.UTF_8)).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"gzip;q=0, false", "identity, false", "br, false", "'deflate, gzip', true", "GZIP;q=0.5, true",
            "x-gzip, true", "'gzip; q=0.000', false"})
    void onlyAnAcceptedGzipIsSent(String acceptEncoding, boolean gzipped) throws Exception {
        HttpResponse<byte[]> answer = page("{\"page\":1,\"page_size\":100,\"sort\":\"asc\"}", acceptEncoding);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding").isPresent()).isEqualTo(gzipped);
        byte[] json = gzipped ? gunzip(answer.body()) : answer.body();
        assertThat(JSON.readTree(json).get("data").get("list").size()).isEqualTo(100);
    }

    @Test
    void aShortAnswerGoesPlain() throws Exception {
        HttpResponse<byte[]> answer = page("{\"page\":1,\"page_size\":1,\"sort\":\"asc\"}", "gzip");
        assertThat(answer.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(JSON.readTree(answer.body()).get("data").get("list").size()).isEqualTo(1);
    }

    private HttpResponse<byte[]> page(String request, String acceptEncoding) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + account.readKey());
        headers.put("Content-Type", "application/json");
        if (acceptEncoding != null) {
            headers.put("Accept-Encoding", acceptEncoding);
        }
        return Http.sendForBytes(port, "POST", LIST_PATH, headers, request.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(30));
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
