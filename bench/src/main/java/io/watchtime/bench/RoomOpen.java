package io.watchtime.bench;

import static io.watchtime.bench.Stats.percentile;

import io.watchtime.protocol.Paths;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a room takes to open in the console: the calls its page makes (summary, the three rankings, devices,
 * the online series and the first page of records), each timed over HTTP against a running server on this machine
 * (server time plus a loopback round trip), then all of them in turn as one "open". Target: a room of 100 000
 * viewers opens in under 1 s. The first page of a round is timed beside them, outside the open.
 *
 * <pre>java -cp ... io.watchtime.bench.RoomOpen --base http://localhost:8080 --key KEY --room 1900000000 [--runs 30]</pre>
 */
public final class RoomOpen {

    private static final int WARMUP = 5;

    private RoomOpen() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "--base", "--key", "--room");
        Api api = new Api(options.get("--base"), options.get("--key"));
        long room = Long.parseLong(options.get("--room"));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "30"));
        String roomBody = "{\"room_id\":" + room + "}";
        Map<String, HttpRequest> open = new LinkedHashMap<>();
        open.put("getRoomSummary", api.post(Paths.ROOM_SUMMARY, roomBody));
        for (String by : new String[] {"province", "store", "inviter"}) {
            open.put("getRoomRanking by " + by, api.post(Paths.ROOM_RANKING, "{\"room_id\":" + room + ",\"by\":\""
                    + by + "\",\"limit\":10}"));
        }
        open.put("deviceStatList", api.post(Paths.DEVICE_STATS, roomBody));
        open.put("getOnlineSeries", api.post(Paths.ONLINE_SERIES, roomBody));
        open.put("getRoomUserDurationList round 0, page 1 of 20", api.post(Paths.ROOM_DURATION_LIST,
                page(room, 0)));
        HttpRequest round = api.post(Paths.ROOM_DURATION_LIST, page(room, 1));

        String summary = body(api, open.get("getRoomSummary"));
        System.out.println("room " + room + ": " + summary.substring(0, Math.min(200, summary.length())) + " ...");
        System.out.println("devices: " + body(api, open.get("deviceStatList")));

        Map<String, double[]> millis = new LinkedHashMap<>();
        open.keySet().forEach(name -> millis.put(name, new double[runs]));
        double[] whole = new double[runs];
        double[] roundPage = new double[runs];
        for (int run = -WARMUP; run < runs; run++) {
            long openStart = System.nanoTime();
            for (Map.Entry<String, HttpRequest> call : open.entrySet()) {
                long start = System.nanoTime();
                body(api, call.getValue());
                if (run >= 0) {
                    millis.get(call.getKey())[run] = (System.nanoTime() - start) / 1e6;
                }
            }
            long openEnd = System.nanoTime();
            body(api, round);
            if (run >= 0) {
                whole[run] = (openEnd - openStart) / 1e6;
                roundPage[run] = (System.nanoTime() - openEnd) / 1e6;
            }
        }
        System.out.printf("%n| call (%d runs after %d warm-up) | p50 ms | p99 ms |%n|---|---|---|%n", runs, WARMUP);
        double sum50 = 0;
        for (Map.Entry<String, double[]> call : millis.entrySet()) {
            sum50 += percentile(call.getValue(), 50);
            System.out.printf("| %s | %.1f | %.1f |%n", call.getKey(), percentile(call.getValue(), 50),
                    percentile(call.getValue(), 99));
        }
        System.out.printf("| **the room opens: the %d calls above in turn** | **%.1f** | **%.1f** |%n", open.size(),
                percentile(whole, 50), percentile(whole, 99));
        System.out.printf("| (sum of the p50s) | %.1f | |%n", sum50);
        System.out.printf("| getRoomUserDurationList round 1, page 1 of 20 (not in the open) | %.1f | %.1f |%n",
                percentile(roundPage, 50), percentile(roundPage, 99));
        System.out.printf("target: opens in under 1000 ms: %s (p99 %.0f ms)%n",
                percentile(whole, 99) < 1000 ? "pass" : "MISS", percentile(whole, 99));
    }

    private static String page(long room, long round) {
        return "{\"room_id\":" + room + ",\"room_rounds_id\":" + round + ",\"page\":1,\"page_size\":20,\"sort\":\"desc\"}";
    }

    private static String body(Api api, HttpRequest request) throws Exception {
        HttpResponse<String> response = api.send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + ": HTTP " + response.statusCode() + " "
                    + Api.head(response.body()));
        }
        return response.body();
    }
}
