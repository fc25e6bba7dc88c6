package io.watchtime.server.cluster;

import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.Paths;
import io.watchtime.server.support.Events;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The two endpoints through the balancer, as a client of the cluster calls them. */
final class Balancer {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer; status 0 when the connection failed or was cut before an answer came. */
    record Answer(int status, String body, String retryAfter, long millis) {
        boolean accepted() {
            return status == 200;
        }
    }

    private final int port;
    /** Attempts that got no answer or a 502/503/504 and were sent again: what a killed node costs its clients. */
    final AtomicInteger failedAttempts = new AtomicInteger();

    Balancer(int port) {
        this.port = port;
    }

    Answer post(String path, String key, String json) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            return new Answer(0, e.toString(), null, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    Answer list(String key, long page, int pageSize) throws InterruptedException {
        return post(Paths.DURATION_LIST, key, "{\"page\":" + page + ",\"page_size\":" + pageSize + ",\"sort\":\"asc\"}");
    }

    /**
     * Sends a batch until it is acknowledged, as a client should: a cut connection or a 502/503/504 is sent again
     * (safe: every event has its {@code at}), a 429 after its Retry-After; anything else fails the test.
     */
    void ingest(String key, List<IngestEvent> events) throws InterruptedException {
        String body = Events.body(events);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Answer a = post(Paths.INGEST, key, body);
            if (a.accepted()) {
                return;
            }
            if (a.status() == 429) {
                Thread.sleep(Long.parseLong(a.retryAfter()) * 1000);
            } else if (a.status() == 0 || a.status() == 502 || a.status() == 503 || a.status() == 504) {
                failedAttempts.incrementAndGet();
                Thread.sleep(200);
            } else {
                throw new AssertionError("ingest answered " + a.status() + ": " + a.body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a batch was not acknowledged within 2 minutes; last answer " + a);
            }
        }
    }

    /**
     * Every record of the account, walked page by page (page_size 500, ascending), each keyed by room/viewer and
     * without its {@code update_time} (the time of a write, which no two runs share); a record met twice fails.
     */
    Map<String, JsonNode> walk(String key) throws InterruptedException {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        long total = -1;
        for (long page = 1; ; page++) {
            Answer a = list(key, page, 500);
            if (a.status() == 429) {
                Thread.sleep(Long.parseLong(a.retryAfter()) * 1000);
                page--;
                continue;
            }
            if (!a.accepted()) {
                throw new AssertionError("page " + page + " answered " + a.status() + ": " + a.body());
            }
            JsonNode data = JSON.readTree(a.body()).get("data");
            total = data.get("total").asLong();
            for (JsonNode r : data.get("list")) {
                String id = r.get("room_id").asString() + "/" + r.get("wechat_user_space_id").asString();
                if (!seen.add(id)) {
                    throw new AssertionError("record " + id + " came twice in one walk (page " + page + ")");
                }
                ObjectNode copy = ((ObjectNode) r).deepCopy();
                copy.remove("update_time");
                records.put(id, copy);
            }
            if (data.get("list").size() < 500) {
                break;
            }
        }
        if (records.size() != total) {
            throw new AssertionError("the walk gave " + records.size() + " records where total says " + total);
        }
        return records;
    }
}
