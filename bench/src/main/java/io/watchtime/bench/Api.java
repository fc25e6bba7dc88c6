package io.watchtime.bench;

import io.watchtime.protocol.ApiResponse;
import io.watchtime.protocol.DurationList;
import io.watchtime.protocol.DurationListRequest;
import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.Paths;
import io.watchtime.protocol.Sort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** The server's two endpoints as the benchmarks call them: JSON in and out through the protocol's own types. */
final class Api {

    static final int PAGE_SIZE = DurationListRequest.MAX_PAGE_SIZE;
    static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final JavaType PAGE = JSON.getTypeFactory().constructParametricType(ApiResponse.class, DurationList.class);
    private static final JavaType ACK = JSON.getTypeFactory().constructParametricType(ApiResponse.class, IngestAck.class);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String key;

    Api(String base, String key) {
        this.base = base;
        this.key = key;
    }

    /** getAccountUserDurationList, page_size 500, {@code start}/{@code end} 0 for no bound. */
    HttpRequest pageRequest(long page, String sort, long start, long end) {
        return post(Paths.DURATION_LIST, JSON.writeValueAsString(new DurationListRequest(page, PAGE_SIZE,
                Sort.valueOf(sort.toUpperCase(Locale.ROOT)), start, end, 0)));
    }

    /**
     * One page over HTTP, its body as bytes (as the SDK reads it), failing on anything but 200 (read it with
     * {@link #list}). Plain JSON, not gzip: on one machine gzip only adds CPU on both sides (3-4 ms a page here).
     */
    byte[] page(long page, String sort, long start, long end) throws Exception {
        HttpResponse<byte[]> response = http.send(pageRequest(page, sort, start, end),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("page " + page + ": HTTP " + response.statusCode() + " " + head(body));
        }
        return body;
    }

    /** The {@code data} of a page's body. */
    static DurationList list(byte[] body) {
        ApiResponse<DurationList> answer = JSON.readValue(body, PAGE);
        if (answer.data() == null) {
            throw new IllegalStateException("not a page: " + head(body));
        }
        return answer.data();
    }

    /** A batch of ingest events (JSON); the answer as it came, for the caller to retry or read with {@link #ack}. */
    HttpResponse<String> ingest(String events) throws Exception {
        return send(post(Paths.INGEST, events));
    }

    static IngestAck ack(String body) {
        return JSON.<ApiResponse<IngestAck>>readValue(body, ACK).data();
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST with the key, to any endpoint. */
    HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static String head(byte[] body) {
        return head(new String(body, StandardCharsets.UTF_8));
    }

    static String head(String body) {
        return body.substring(0, Math.min(300, body.length()));
    }
}
